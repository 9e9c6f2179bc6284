import type { RoomName } from '../protocol/index.ts';
import type { ChatChange } from './chat-change.ts';
import type { ChatSocket } from './request.ts';
import { applyPresence } from './room-reducers.ts';

type PresenceChange = Extract<ChatChange, { type: 'presence' }>;
type JoinedChange = Extract<ChatChange, { type: 'joined' }>;

/**
 * Keeps the member list of a join right when the server is a cluster.
 *
 * A join's answer holds the member list as the server read it; somebody who
 * joins or leaves through another server process right after that read is
 * announced by a `presence:diff` that can overtake the answer (it travels
 * through Redis, the answer does not). Applied before the answer, such a
 * diff would be overwritten by the older list. So every diff for a room
 * whose join (or switch) is under way is kept, and played again over the
 * answer's list: diffs are "is in" / "is out" per user, so playing one that
 * the list already reflects changes nothing, and the last one wins.
 *
 * @example
 * const window = watchJoins(socket);
 * window.seen(presenceChange);
 * apply(window.settle(joinedChange));
 */
export function watchJoins(socket: ChatSocket): {
  /** Notes a presence diff (kept only while its room's join is under way). */
  seen(change: PresenceChange): void;
  /** The joined change with the diffs seen since the request played over it. */
  settle(change: JoinedChange): JoinedChange;
} {
  const pending = new Map<RoomName, PresenceChange[]>();
  socket.onAnyOutgoing((event: string, payload: unknown) => {
    if (event !== 'room:join' && event !== 'room:switch') return;
    const room = (payload as { room?: unknown } | null)?.room;
    // From this request on: what came before is in the answer's list already.
    if (typeof room === 'string') pending.set(room, []);
  });
  return {
    seen(change) {
      pending.get(change.room)?.push(change);
    },
    settle(change) {
      const seen = pending.get(change.room);
      pending.delete(change.room);
      if (!seen?.length) return change;
      const state = seen.reduce(
        (room, diff) => applyPresence(room, diff.joined, diff.left),
        change.state,
      );
      return { ...change, state };
    },
  };
}
