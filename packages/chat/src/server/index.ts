/**
 * The chat server: `createChatServer(httpServer)` adds rooms, presence,
 * messages with history, typing indicators, whispers, polls, reactions and a
 * shared canvas to an http server, over socket.io, with every payload
 * validated and every refusal a typed error.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createChatServer } from '@funws/chat/server';
 *
 * const httpServer = createServer();
 * createChatServer(httpServer, { rooms: ['general', 'random'] });
 * httpServer.listen(3000, '127.0.0.1');
 *
 * @module
 */

export type { ChatCluster, ChatClusterNode, ClusterDeparture } from './cluster.ts';
export type { ChatServer } from './create-chat-server.ts';
export { createChatServer } from './create-chat-server.ts';
export type {
  AuthenticateHook,
  BeforeMessageHook,
  ChatHooks,
  ChatIdentity,
  ChatLimitsOptions,
  ChatLogger,
  ChatServerOptions,
  MessageDraft,
} from './options.ts';
export type {
  AllowRequest,
  HostAllowlist,
  OriginCheckOptions,
  OriginVerdict,
} from './origin.ts';
export {
  checkHost,
  checkOrigin,
  checkRequestOrigin,
  createHostAllowlist,
  createOriginCheck,
  defaultAllowedHosts,
  hostNameOf,
} from './origin.ts';
export type { RateLimit } from './rate-limit.ts';
export { createTokenBucket } from './rate-limit.ts';
export type { CanvasStore } from './stores/canvas-store.ts';
export { createMemoryCanvasStore } from './stores/canvas-store.ts';
export type { HistoryStore } from './stores/history-store.ts';
export { createMemoryHistoryStore } from './stores/history-store.ts';
export type { ChatStores } from './stores/memory-stores.ts';
export { createMemoryStores } from './stores/memory-stores.ts';
export type { OnlineConnectResult, OnlineStore, OnlineUser } from './stores/online-store.ts';
export { createMemoryOnlineStore, nicknameKey } from './stores/online-store.ts';
export type { PollRecord, PollStore } from './stores/poll-store.ts';
export { createMemoryPollStore, toPoll } from './stores/poll-store.ts';
export type { PresenceAddResult, PresenceStore } from './stores/presence-store.ts';
export { createMemoryPresenceStore } from './stores/presence-store.ts';
export type { RoomCreateResult, RoomStore } from './stores/room-store.ts';
export { createMemoryRoomStore } from './stores/room-store.ts';
export type {
  MemorySessionStoreOptions,
  SessionStore,
  SessionUser,
} from './stores/session-store.ts';
export { createMemorySessionStore } from './stores/session-store.ts';
export type { TypingStore } from './stores/typing-store.ts';
export { createMemoryTypingStore } from './stores/typing-store.ts';
export type { ChatHandshake, ChatIo, ChatSocket, MaybePromise } from './types.ts';
