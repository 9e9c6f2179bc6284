import type { ChatError } from '../protocol/index.ts';
import type { ChatChange } from './chat-change.ts';
import type { ChatState } from './chat-state.ts';

/**
 * The events a `ChatClient` emits, with their listeners' arguments.
 *
 * @example
 * const onChange = (...[state, change]: ChatClientEvents['change']) => render(state, change);
 * client.on('change', onChange);
 */
export interface ChatClientEvents {
  /** The state changed; `change` says how. Fires once per real change. */
  change: [state: ChatState, change: ChatChange];
  /**
   * Something failed that no promise could report: an event sent without an
   * ack that the server refused (`chat:error`), a room that could not be
   * re-joined after a reconnection, or a connection lost for good. Nothing
   * is thrown when nobody listens, so do listen.
   */
  error: [error: ChatError];
}
