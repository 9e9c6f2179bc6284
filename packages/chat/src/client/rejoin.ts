import { ChatError } from '../protocol/index.ts';
import type { ChatChange } from './chat-change.ts';
import type { ChatState } from './chat-state.ts';
import { type ChatSocket, request } from './request.ts';
import { rejoinedRoomState, roomStateFromSnapshot } from './room-reducers.ts';

/** What a re-join works with: the client's socket and state, and where its results go. */
export interface RejoinContext {
  socket: ChatSocket;
  url: string;
  timeoutMs: number;
  state(): ChatState;
  apply(change: ChatChange): void;
  error(error: ChatError): void;
  /** True while this is still the connection the re-join started on. */
  current(): boolean;
  /** True when the client watches room counts (it asks for them again). */
  watchingCounts: boolean;
}

/**
 * After a reconnection that lost the server's memory of us (it restarted, or
 * we were away longer than its recovery window): joins every room in our
 * state again, asking each for what came after the newest message we hold
 * (`room:join { room, since }`), merges the answer in (every message once,
 * in order: see `mergeMessages`), and asks for room counts again if we
 * watch them. Resolves when all of that is done, successful or not.
 *
 * A room the server refuses now (it no longer exists) is left, with an
 * error. A re-join that got no answer keeps the room as it is and reports
 * the timeout: we may be offline again, and the next reconnection re-joins.
 * Answers that arrive after yet another reconnection are ignored.
 *
 * @example
 * await rejoinRooms({ socket, url, timeoutMs, state, apply, error, current, watchingCounts });
 */
export async function rejoinRooms(context: RejoinContext): Promise<void> {
  const { socket, url, timeoutMs } = context;
  const rooms = Object.keys(context.state().rooms).map(async (room) => {
    const since = context.state().rooms[room]?.messages.at(-1)?.id;
    try {
      const payload = since === undefined ? { room } : { room, since };
      const { snapshot } = await request(socket, 'room:join', payload, timeoutMs, url);
      if (!context.current()) return;
      const held = context.state().rooms[room];
      const state = held ? rejoinedRoomState(held, snapshot) : roomStateFromSnapshot(snapshot);
      context.apply({ type: 'joined', room: snapshot.room, state });
    } catch (error) {
      if (!context.current() || !(error instanceof ChatError)) return;
      if (error.code !== 'timeout') context.apply({ type: 'left', room });
      context.error(error);
    }
  });
  const counts = context.watchingCounts
    ? request(socket, 'room:list', { watch: true }, timeoutMs, url).then(
        ({ rooms }) => {
          if (context.current()) context.apply({ type: 'room-counts', rooms });
        },
        () => undefined,
      )
    : undefined;
  await Promise.all([...rooms, counts]);
}
