import type { RoomName } from '../protocol/index.ts';

// Every key the Redis stores use, under one prefix (default `funws:`). The
// Lua scripts that find keys by themselves (node-reaper.ts, the poll trim)
// are given these same names, built here, as arguments.

/** The names of the keys under `prefix`. */
export function keysFor(prefix: string) {
  return {
    prefix,
    /** One counter for every "in the order they came" score. */
    seq: `${prefix}seq`,
    rooms: `${prefix}rooms`,
    historyIds: (room: RoomName) => `${prefix}history:${room}:ids`,
    historyMessages: (room: RoomName) => `${prefix}history:${room}:messages`,
    sessions: `${prefix}sessions`,
    sessionsUsed: `${prefix}sessions:used`,
    pollPrefix: `${prefix}poll:`,
    poll: (pollId: string) => `${prefix}poll:${pollId}`,
    pollVotes: (pollId: string) => `${prefix}poll:${pollId}:votes`,
    roomPolls: (room: RoomName) => `${prefix}polls:${room}`,
    canvas: (room: RoomName) => `${prefix}canvas:${room}`,
    typingOrder: (room: RoomName) => `${prefix}typing:${room}:order`,
    typingExpiry: (room: RoomName) => `${prefix}typing:${room}:expiry`,
    presencePrefix: `${prefix}presence:`,
    presenceMembers: (room: RoomName) => `${prefix}presence:${room}:members`,
    presenceOrder: (room: RoomName) => `${prefix}presence:${room}:order`,
    presenceSockets: (room: RoomName) => `${prefix}presence:${room}:sockets`,
    presenceOfNode: (room: RoomName, nodeId: string) => `${prefix}presence:${room}:node:${nodeId}`,
    roomsOfNode: (nodeId: string) => `${prefix}node:${nodeId}:rooms`,
    onlineUsers: `${prefix}online:users`,
    onlineKeys: `${prefix}online:keys`,
    onlineNicknames: `${prefix}online:nicknames`,
    onlineSockets: `${prefix}online:sockets`,
    onlineOfNode: (nodeId: string) => `${prefix}online:node:${nodeId}`,
    /** Every live node and the time (Redis's clock, ms) of its last heartbeat. */
    nodes: `${prefix}nodes`,
  };
}

/** The key names of one set of stores. */
export type RedisKeys = ReturnType<typeof keysFor>;
