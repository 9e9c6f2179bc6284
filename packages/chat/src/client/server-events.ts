import { ChatError, type Session } from '../protocol/index.ts';
import type { ChatChange } from './chat-change.ts';
import { roomOfPoll } from './chat-reducer.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatSocket } from './request.ts';

/** What the server's events feed into. */
export interface ServerEventSink {
  state(): ChatState;
  apply(change: ChatChange): void;
  session(session: Session): void;
  error(error: ChatError): void;
}

/**
 * Subscribes to every server→client event and turns each into a
 * {@link ChatChange}. The payloads come from our own server, so they are
 * trusted to match the event maps; what the client does with them is bounded
 * (see `bounded.ts`) whatever arrives.
 *
 * @example
 * bindServerEvents(socket, { state: () => state, apply, session, error });
 */
export function bindServerEvents(socket: ChatSocket, sink: ServerEventSink): void {
  socket.on('session', (session) => sink.session(session));
  socket.on('room:counts', ({ rooms }) => sink.apply({ type: 'room-counts', rooms }));
  socket.on('presence:diff', ({ room, joined, left }) =>
    sink.apply({ type: 'presence', room, joined, left }),
  );
  socket.on('message:new', (message) =>
    sink.apply({ type: 'message', room: message.room, message }),
  );
  socket.on('whisper:new', (whisper) => sink.apply({ type: 'whisper', whisper }));
  socket.on('typing:update', ({ room, userIds }) => sink.apply({ type: 'typing', room, userIds }));
  socket.on('poll:new', (poll) => sink.apply({ type: 'poll', room: poll.room, poll }));
  socket.on('poll:update', (poll) => sink.apply({ type: 'poll', room: poll.room, poll }));
  socket.on('poll:my-vote', ({ pollId, optionId }) => {
    // The event names no room: find the poll among the rooms we are in.
    const room = roomOfPoll(sink.state(), pollId);
    if (room !== undefined) sink.apply({ type: 'my-vote', room, pollId, optionId });
  });
  socket.on('reaction:update', ({ room, messageId, reactions }) =>
    sink.apply({ type: 'reactions', room, messageId, reactions }),
  );
  socket.on('canvas:segment', ({ room, stroke }) =>
    sink.apply({ type: 'canvas-segment', room, stroke }),
  );
  socket.on('canvas:cleared', ({ room, by }) => sink.apply({ type: 'canvas-cleared', room, by }));
  socket.on('chat:error', ({ event, error }) =>
    sink.error(new ChatError(error.code, `'${event}' failed: ${error.message}`)),
  );
}
