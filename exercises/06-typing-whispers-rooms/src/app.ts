import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  browserCode,
  type DemoApp,
  type DemoOptions,
  limitRate,
  nicknameKey,
  nicknameProblem,
  normalizeNickname,
  onePayloadAndAck,
  sameOriginOnly,
  securityHeaders,
  textProblem,
} from '@funws/demo-kit';
import express from 'express';
import { Server, type Socket } from 'socket.io';
import {
  type AckError,
  type ClientToServerEvents,
  type ErrorCode,
  HISTORY_LIMIT,
  type JoinAck,
  MAX_MESSAGE_LENGTH,
  MAX_NICKNAME_LENGTH,
  type Message,
  type PrivateMessage,
  ROOMS,
  type RoomListPayload,
  type RoomName,
  type SendMessageAck,
  type ServerToClientEvents,
  type SwitchRoomAck,
  type SystemMessage,
  TYPING_TIMEOUT_MS,
  type TypingAck,
  type User,
  type UserListPayload,
} from './protocol.ts';

/** One browser tab's connection, typed with our events. */
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Demo 6's options: where it is mounted, and how soon a quiet typist is forgotten. */
export interface Demo6Options extends DemoOptions {
  /** Forget a typist after this many ms without a new `typing_start` (5000; tests use ~150). */
  typingTimeoutMs?: number;
}

/**
 * Demo 6: rooms, whispers and "is typing…". Demo 5 had one chat for everyone;
 * here there are three rooms, and a message goes to the sender's room only
 * (socket.io *rooms*). A whisper goes to exactly two sockets, and the server
 * keeps track of who is typing, forgetting anyone who goes quiet.
 *
 * The idea that runs through it all: the server remembers who each socket is
 * and which room it is in, and uses that record, never what a payload claims.
 */
export function createApp({
  basePath = '',
  typingTimeoutMs = TYPING_TIMEOUT_MS,
  rateLimit,
}: Demo6Options = {}): DemoApp {
  // The HTTP side: the page, its CSS, and the browser code (TypeScript, bundled on request).
  const app = express();
  app.use(securityHeaders());
  app.use(express.static(fileURLToPath(new URL('../public/', import.meta.url))));
  app.use('/js', browserCode(new URL('./client/', import.meta.url)));

  // The socket side. The two type parameters are our event lists from
  // protocol.ts, so a typo in an event name or a payload of the wrong shape
  // is a compile error, not a silent bug.
  // - `path`: where socket.io listens; under a prefix when the course mounts this demo.
  // - `allowRequest: sameOriginOnly`: only pages served by this server may connect.
  //   (The original used `cors_allowed_origins="*"`: any website could connect.)
  // - `serveClient: false`: the browser gets socket.io-client inside js/main.js instead.
  // The server is created unattached: startDemo (or the course) attaches it to an HTTP server.
  const io = new Server<ClientToServerEvents, ServerToClientEvents>({
    path: `${basePath}/socket.io`,
    allowRequest: sameOriginOnly,
    serveClient: false,
  });

  // Each room's memory: its most recent messages, oldest first. A `Record`
  // keyed by RoomName has exactly one entry per room, and TypeScript knows it.
  const histories: Record<RoomName, Message[]> = { general: [], random: [], tech: [] };

  // Who has joined, by socket id, with the room each one is in. This map is
  // the server's truth: whatever a payload *claims* about its sender is ignored.
  const users = new Map<string, User>();

  // Who is typing: socket id → the timer that forgets them if they go quiet.
  const typists = new Map<string, ReturnType<typeof setTimeout>>();

  /** Everyone in `room`, in the order they joined (a Map keeps insertion order). */
  const usersIn = (room: RoomName): User[] =>
    [...users.values()].filter((user) => user.room === room);

  const userList = (room: RoomName): UserListPayload => ({ room, users: usersIn(room) });

  const roomList = (): RoomListPayload => ({
    rooms: ROOMS.map((name) => ({ name, userCount: usersIn(name).length })),
  });

  /** The nicknames of everyone typing in `room`. */
  const typingIn = (room: RoomName): string[] =>
    [...users]
      .filter(([socketId, user]) => user.room === room && typists.has(socketId))
      .map(([, user]) => user.nickname);

  const systemMessage = (text: string, room: RoomName): SystemMessage => ({
    type: 'system',
    text,
    timestamp: new Date().toISOString(),
    userCount: usersIn(room).length,
    room,
  });

  /**
   * The socket id and record of the user with this nickname, or with one that
   * looks the same on screen ("Bob", "bob", "bоb" with a Cyrillic "о": see
   * `nicknameKey` in demo-kit), if any.
   */
  const findByNickname = (nickname: string): [string, User] | undefined => {
    const wanted = nicknameKey(nickname);
    return [...users].find(([, user]) => nicknameKey(user.nickname) === wanted);
  };

  /** Takes a user off the "is typing" list, and tells the rest of their room. */
  const stopTyping = (socket: ChatSocket, user: User): void => {
    const timer = typists.get(socket.id);
    if (timer === undefined) return; // was not typing: nothing to tell anyone
    clearTimeout(timer);
    typists.delete(socket.id);
    socket.to(user.room).emit('typing_update', { room: user.room, users: typingIn(user.room) });
  };

  /** Puts a user into `room` and tells everyone who needs to know. */
  const enterRoom = (socket: ChatSocket, user: User, room: RoomName): void => {
    user.room = room;
    // A socket.io *room* is a named group of sockets, kept on the server (the
    // browser never sees it). `io.to(room).emit(…)` reaches exactly its sockets.
    socket.join(room);
    // TODO(step 1): Send the newcomer the history of the room they entered
    // Who is already typing here, so the newcomer's indicator starts out right.
    socket.emit('typing_update', { room, users: typingIn(room) });
    io.to(room).emit('user_joined', systemMessage(`${user.nickname} joined #${room}`, room));
    io.to(room).emit('user_list_update', userList(room));
    io.emit('room_list_update', roomList());
  };

  /** Tells `room` that `user` left it (after they have been moved or removed). */
  const announceLeave = (user: User, room: RoomName): void => {
    io.to(room).emit('user_left', systemMessage(`${user.nickname} left #${room}`, room));
    io.to(room).emit('user_list_update', userList(room));
  };

  // 'connection' fires once for every browser tab that connects. `socket` is
  // that one connection: what we emit on it goes to that tab only.
  io.on('connection', (socket) => {
    // A flood from one tab (or from a script in the browser console) is refused
    // instead of handled and broadcast to everyone: each connection may send a
    // burst of 100 events, then 50 a second. Refused events get a `rate_limited`
    // answer through their acknowledgement. (The original had no limit at all.)
    socket.use(limitRate(rateLimit));
    // Every handler below takes `(payload, ack)`. A client may send an ack
    // without a payload, or extra arguments; onePayloadAndAck() sorts that out
    // first, so `ack` is always the callback if there is one (or undefined).
    socket.use(onePayloadAndAck());

    // The join form shows how full each room is, so send the list right away.
    socket.emit('room_list_update', roomList());

    // The types in protocol.ts describe what a well-behaved browser sends. But
    // anything can arrive over the network, so we accept `unknown` and check
    // each field by hand. (In the original workshop, a payload with a missing
    // field raised an exception in the handler.)
    socket.on('join_room', (payload: unknown, ack?: unknown) => {
      if (users.has(socket.id)) {
        reply(ack, fail('already_joined', 'You have already joined; switch rooms instead.'));
        return;
      }
      const nickname = normalizeNickname(readString(payload, 'nickname'));
      // Invisible or direction-changing characters would let a name pass for
      // another; nicknameProblem (from demo-kit) finds them, as in demo 5.
      const problem = nicknameProblem(nickname);
      if (problem !== undefined) {
        reply(ack, fail('nickname_invalid', `This nickname cannot be used: ${problem}.`));
        return;
      }
      if (nickname === '' || nickname.length > MAX_NICKNAME_LENGTH) {
        reply(
          ack,
          fail('nickname_invalid', `A nickname needs 1 to ${MAX_NICKNAME_LENGTH} characters.`),
        );
        return;
      }
      const room = readRoom(payload);
      if (room === undefined) {
        reply(ack, unknownRoom(payload));
        return;
      }
      // Nicknames are unique across the whole server (not just per room), and
      // look-alikes count as taken, so a whisper's `to` always names exactly one person.
      if (findByNickname(nickname)) {
        reply(
          ack,
          fail('nickname_taken', `Someone is already called "${nickname}"; pick another.`),
        );
        return;
      }
      const user: User = { id: randomUUID(), nickname, joinedAt: new Date().toISOString(), room };
      users.set(socket.id, user);
      // Answer first, so the browser knows who it is before the history arrives.
      reply(ack, { ok: true, user, room });
      enterRoom(socket, user, room);
    });

    socket.on('switch_room', (payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join a room with a nickname first.'));
        return;
      }
      const room = readRoom(payload);
      if (room === undefined) {
        reply(ack, unknownRoom(payload));
        return;
      }
      if (room === user.room) {
        reply(ack, { ok: true, room }); // already there: nothing to announce
        return;
      }
      // TODO(step 2): Move the user from the room the server recorded to the new one
      reply(ack, { ok: true, room: user.room });
    });

    socket.on('send_message', (payload: unknown, ack?: unknown) => {
      // Only members may talk: the server knows who you are from join_room.
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join a room with a nickname first.'));
        return;
      }
      const text = readString(payload, 'text');
      if (text === '' || text.length > MAX_MESSAGE_LENGTH) {
        reply(
          ack,
          fail('invalid_payload', `A message needs 1 to ${MAX_MESSAGE_LENGTH} characters.`),
        );
        return;
      }
      if (refuseUnreadable(ack, text)) return;
      // Nickname, id, time and room: all from the server, none from the payload.
      const message: Message = {
        id: randomUUID(),
        type: 'user',
        text,
        nickname: user.nickname,
        userId: user.id,
        timestamp: new Date().toISOString(),
        room: user.room,
      };
      const history = histories[user.room];
      history.push(message);
      if (history.length > HISTORY_LIMIT) history.shift();
      // To the sender's room only: demo 5's `io.emit` becomes `io.to(room).emit`.
      io.to(user.room).emit('new_message', message);
      stopTyping(socket, user); // a sent message ends "is typing…"
      reply(ack, { ok: true });
    });

    socket.on('send_whisper', (payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join a room with a nickname first.'));
        return;
      }
      const to = readString(payload, 'to');
      const text = readString(payload, 'text');
      if (to === '' || text === '' || text.length > MAX_MESSAGE_LENGTH) {
        reply(
          ack,
          fail(
            'invalid_payload',
            `A whisper needs a nickname and 1 to ${MAX_MESSAGE_LENGTH} characters.`,
          ),
        );
        return;
      }
      if (refuseUnreadable(ack, text)) return;
      const found = findByNickname(to);
      if (found === undefined) {
        // An ack answers one socket: only the sender learns the name is unknown.
        reply(ack, fail('unknown_user', `Nobody called "${to}" is here.`));
        return;
      }
      const [recipientSocketId, recipient] = found;
      // TODO(step 3): Deliver the whisper to its sender and its recipient, and nobody else
      reply(ack, { ok: true });
    });

    // typing_start and typing_stop carry nothing: who and where come from
    // `users`, so a payload, if one is sent, is ignored. Like every event, they
    // may carry an ack, and it is answered.
    socket.on('typing_start', (_payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join a room with a nickname first.'));
        return;
      }
      // TODO(step 4): Tell the rest of the room who is typing, and forget a typist who goes quiet
      reply(ack, { ok: true });
    });

    socket.on('typing_stop', (_payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join a room with a nickname first.'));
        return;
      }
      stopTyping(socket, user);
      reply(ack, { ok: true });
    });

    // 'disconnect' fires when the tab closes, reloads or loses its network.
    socket.on('disconnect', () => {
      const user = users.get(socket.id);
      if (user === undefined) return; // never joined: nobody to announce
      stopTyping(socket, user);
      users.delete(socket.id);
      announceLeave(user, user.room);
      io.emit('room_list_update', roomList());
    });
  });

  return {
    app,
    io,
    // Called when the demo stops: a pending typing timer would otherwise keep
    // Node running (and fire after a test has finished).
    async close() {
      for (const timer of typists.values()) clearTimeout(timer);
      typists.clear();
    },
  };
}

/** The trimmed string in `payload[field]`, or `''` when there is no such string. */
function readString(payload: unknown, field: string): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const value = (payload as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.trim() : '';
}

/** The room named in `payload.room` if it is one of ours, else `undefined`. */
function readRoom(payload: unknown): RoomName | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const name = (payload as Record<string, unknown>).room;
  // Exactly one of our names: no trimming, no lower-casing, no "closest match".
  return ROOMS.find((room) => room === name);
}

/** The refusal for a room name that is not one of ours. */
function unknownRoom(payload: unknown): AckError {
  const name = readString(payload, 'room').slice(0, 40);
  return fail('unknown_room', `There is no room "${name}"; pick one of ${ROOMS.join(', ')}.`);
}

/**
 * Refuses text that no screen can show honestly, answering the ack: NUL, or
 * half of a surrogate pair (see `textProblem` in demo-kit, which says which).
 * True when it refused.
 */
function refuseUnreadable(ack: unknown, ...texts: string[]): boolean {
  for (const text of texts) {
    const problem = textProblem(text);
    if (problem === undefined) continue;
    reply(ack, fail('invalid_payload', `This text cannot be sent: ${problem}.`));
    return true;
  }
  return false;
}

/** An error answer for the acknowledgement. */
function fail(code: ErrorCode, message: string): AckError {
  return { ok: false, error: { code, message } };
}

/**
 * Answers the client's acknowledgement callback, if it sent one. A client that
 * sent no callback (or something that is not a function) gets no answer,
 * instead of crashing the server.
 */
function reply(ack: unknown, result: JoinAck | SwitchRoomAck | SendMessageAck | TypingAck): void {
  if (typeof ack === 'function') ack(result);
}
