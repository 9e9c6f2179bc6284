/**
 * The chat client: a typed, framework-free `ChatClient` that connects to a
 * `@funws/chat/server`, keeps an immutable {@link ChatState} current and tells
 * you what changed. Runs in browsers (no Node built-ins) and in Node.
 *
 * @example
 * import { ChatClient } from '@funws/chat/client';
 *
 * const client = new ChatClient({ nickname: 'ada' }); // same origin in a browser
 * client.on('change', (state) => render(state));
 * await client.connect();
 * await client.join('general');
 * await client.send('general', 'hello!');
 *
 * @module
 */

export type { ChatChange, ChatChangeType } from './chat-change.ts';
export { ChatClient } from './chat-client.ts';
export type { ChatClientEvents } from './chat-client-events.ts';
export { reduceChatState } from './chat-reducer.ts';
export type { ChatState, ConnectionStatus, RoomState } from './chat-state.ts';
export { initialChatState, maxWhispers } from './chat-state.ts';
export type { ChatClientOptions } from './options.ts';
export type { ChatSocket } from './request.ts';
export type { TokenStorage } from './token-storage.ts';
export { tokenStorageKey } from './token-storage.ts';
