import type { RoomName } from '../protocol/index.ts';

// Every key the Redis stores use, under one prefix (default `funws:`). The
// Lua scripts that find keys by themselves (node-reaper.ts, the poll trim)
// are given these same names, built here, as arguments.

/**
 * The names of every key the Redis stores use, under their prefix.
 *
 * @example
 * const keys: RedisKeys = stores.keys;
 * await stores.client.zrange(keys.rooms, 0, -1); // every room, in creation order
 */
export interface RedisKeys {
  readonly prefix: string;
  /** One counter for every "in the order they came" score. */
  readonly seq: string;
  readonly rooms: string;
  historyIds(room: RoomName): string;
  historyMessages(room: RoomName): string;
  readonly sessions: string;
  readonly sessionsUsed: string;
  readonly pollPrefix: string;
  poll(pollId: string): string;
  pollVotes(pollId: string): string;
  roomPolls(room: RoomName): string;
  canvas(room: RoomName): string;
  typingOrder(room: RoomName): string;
  typingExpiry(room: RoomName): string;
  readonly presencePrefix: string;
  presenceMembers(room: RoomName): string;
  presenceOrder(room: RoomName): string;
  presenceSockets(room: RoomName): string;
  presenceOfNode(room: RoomName, nodeId: string): string;
  roomsOfNode(nodeId: string): string;
  readonly onlineUsers: string;
  readonly onlineKeys: string;
  readonly onlineNicknames: string;
  readonly onlineSockets: string;
  onlineOfNode(nodeId: string): string;
  /** Every live node and the time (Redis's clock, ms) of its last heartbeat. */
  readonly nodes: string;
}

/** The names of the keys under `prefix`. */
export function keysFor(prefix: string): RedisKeys {
  return {
    prefix,
    seq: `${prefix}seq`,
    rooms: `${prefix}rooms`,
    historyIds: (room) => `${prefix}history:${room}:ids`,
    historyMessages: (room) => `${prefix}history:${room}:messages`,
    sessions: `${prefix}sessions`,
    sessionsUsed: `${prefix}sessions:used`,
    pollPrefix: `${prefix}poll:`,
    poll: (pollId) => `${prefix}poll:${pollId}`,
    pollVotes: (pollId) => `${prefix}poll:${pollId}:votes`,
    roomPolls: (room) => `${prefix}polls:${room}`,
    canvas: (room) => `${prefix}canvas:${room}`,
    typingOrder: (room) => `${prefix}typing:${room}:order`,
    typingExpiry: (room) => `${prefix}typing:${room}:expiry`,
    presencePrefix: `${prefix}presence:`,
    presenceMembers: (room) => `${prefix}presence:${room}:members`,
    presenceOrder: (room) => `${prefix}presence:${room}:order`,
    presenceSockets: (room) => `${prefix}presence:${room}:sockets`,
    presenceOfNode: (room, nodeId) => `${prefix}presence:${room}:node:${nodeId}`,
    roomsOfNode: (nodeId) => `${prefix}node:${nodeId}:rooms`,
    onlineUsers: `${prefix}online:users`,
    onlineKeys: `${prefix}online:keys`,
    onlineNicknames: `${prefix}online:nicknames`,
    onlineSockets: `${prefix}online:sockets`,
    onlineOfNode: (nodeId) => `${prefix}online:node:${nodeId}`,
    nodes: `${prefix}nodes`,
  };
}
