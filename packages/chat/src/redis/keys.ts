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
  /** What every key starts with. */
  readonly prefix: string;
  /** One counter for every "in the order they came" score. */
  readonly seq: string;
  /** A sorted set: every room, scored by creation order. */
  readonly rooms: string;
  /** A sorted set: the ids of a room's messages, in the order they came. */
  historyIds(room: RoomName): string;
  /** A hash: message id → the message's JSON. */
  historyMessages(room: RoomName): string;
  /** A hash: token hash → the user behind it. */
  readonly sessions: string;
  /** A sorted set: token hashes, scored by when they were last used. */
  readonly sessionsUsed: string;
  /** What the key of every poll starts with (the poll id follows). */
  readonly pollPrefix: string;
  /** A hash: a poll's record (JSON, without votes) and whether it is closed. */
  poll(pollId: string): string;
  /** A hash: user id → the option they voted for. */
  pollVotes(pollId: string): string;
  /** A sorted set: the ids of a room's polls, oldest first. */
  roomPolls(room: RoomName): string;
  /** A list: a room's strokes (JSON), oldest first. */
  canvas(room: RoomName): string;
  /** A sorted set: a room's typists, in the order they started. */
  typingOrder(room: RoomName): string;
  /** A hash: typist → when their typing expires (ms). */
  typingExpiry(room: RoomName): string;
  /** What every presence key starts with (the room follows). */
  readonly presencePrefix: string;
  /** A hash: user id → the member's JSON. */
  presenceMembers(room: RoomName): string;
  /** A sorted set: a room's members, in the order they joined. */
  presenceOrder(room: RoomName): string;
  /** A hash: user id → their sockets in the room, over every node. */
  presenceSockets(room: RoomName): string;
  /** A hash: user id → their sockets in the room on one node, for the reaper. */
  presenceOfNode(room: RoomName, nodeId: string): string;
  /** A set: the rooms where a node has members. */
  roomsOfNode(nodeId: string): string;
  /** A hash: user id → the online user's JSON. */
  readonly onlineUsers: string;
  /** A hash: user id → the nickname key they hold. */
  readonly onlineKeys: string;
  /** A hash: nickname key → the user id holding it. */
  readonly onlineNicknames: string;
  /** A hash: user id → their sockets, over every node. */
  readonly onlineSockets: string;
  /** A hash: user id → their sockets on one node, for the reaper. */
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
