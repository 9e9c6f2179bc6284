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
import { Server } from 'socket.io';
import {
  type AckError,
  type ClientToServerEvents,
  type ErrorCode,
  HISTORY_LIMIT,
  type JoinAck,
  MAX_MESSAGE_LENGTH,
  MAX_NICKNAME_LENGTH,
  type Message,
  type SendMessageAck,
  type ServerToClientEvents,
  type User,
  type UserListPayload,
} from './protocol.ts';

/**
 * Demo 5: nicknames and presence. Demo 4's chat was anonymous; here you join
 * with a nickname first. The server remembers who each connection is, so it
 * can sign every message with the right name, tell everyone who comes and
 * goes, and keep a list of who is online.
 */
export function createApp({ basePath = '', rateLimit }: DemoOptions = {}): DemoApp {
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

  // The chat's memory: the most recent messages, oldest first. It lives in
  // this function, so each app (and each test) gets its own, and it is gone
  // when the server stops (a database would keep it; that is beyond this demo).
  const history: Message[] = [];

  // Who has joined, by socket id. This map is the server's truth about who
  // each connection is: a socket that is connected but has not joined yet is
  // not in here, and whatever a payload *claims* about its sender is ignored.
  const users = new Map<string, User>();

  /** Everyone online, in the order they joined (a Map keeps insertion order). */
  const userList = (): UserListPayload => ({ users: [...users.values()] });

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

    // The types in protocol.ts describe what a well-behaved browser sends. But
    // anything can arrive over the network (someone can type
    // `socket.emit('send_message', 42)` in the console), so we accept `unknown`
    // and check each field by hand. (In the original workshop, a payload with
    // a missing field raised an exception in the handler.)
    socket.on('join_chat', (payload: unknown, ack?: unknown) => {
      // Our rule for joining twice from one connection: refuse it. One
      // connection is one user; to change your nickname, reload the page.
      if (users.has(socket.id)) {
        reply(ack, fail('already_joined', 'You have already joined the chat.'));
        return;
      }

      // Some characters let a name hide something or pass for another: an
      // invisible zero-width space ("bob" + U+200B is not "bob", yet looks it),
      // a right-to-left override that shows "bob" typed backwards, a control
      // character. They are refused outright; nicknameProblem (from demo-kit)
      // says which one it found.
      const problem = nicknameProblem(readNickname(payload));
      if (problem !== undefined) {
        reply(ack, fail('nickname_invalid', `This nickname cannot be used: ${problem}.`));
        return;
      }

      // #region step-1: Check the nickname, refuse one that is taken (or looks like one that is), and record who joined
      const nickname = readNickname(payload);
      if (nickname === '' || nickname.length > MAX_NICKNAME_LENGTH) {
        reply(
          ack,
          fail('nickname_invalid', `A nickname needs 1 to ${MAX_NICKNAME_LENGTH} characters.`),
        );
        return;
      }
      // The original let two people share a nickname. Here two nicknames that
      // would look the same on screen count as the same: "Alice" and "alice",
      // and also "bob" and "bоb", whose "о" is the Cyrillic letter. nicknameKey
      // (from demo-kit) turns a nickname into the key such look-alikes share.
      const wanted = nicknameKey(nickname);
      const taken = [...users.values()].some((user) => nicknameKey(user.nickname) === wanted);
      if (taken) {
        reply(
          ack,
          fail('nickname_taken', `Someone is already called "${nickname}"; pick another.`),
        );
        return;
      }
      users.set(socket.id, { id: randomUUID(), nickname, joinedAt: new Date().toISOString() });
      // #endregion step-1

      // From here on, who this socket is comes from the server's record.
      // (`get` may return undefined as far as TypeScript knows, so we check.)
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'The server did not record your join.'));
        return;
      }
      reply(ack, { ok: true, user });

      // #region step-2: Send the history to the newcomer, then tell everyone who joined and who is online
      socket.emit('message_history', { messages: history });
      io.emit('user_joined', {
        type: 'system',
        text: `${user.nickname} joined the chat`,
        timestamp: new Date().toISOString(),
        userCount: users.size,
      });
      io.emit('user_list_update', userList());
      // #endregion step-2
    });

    socket.on('send_message', (payload: unknown, ack?: unknown) => {
      // Only members may talk: the server knows who you are from join_chat.
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
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

      // #region step-3: Sign the message with the sender's record on the server, remember it and broadcast it
      // The server, not the browser, decides the id, the time and the sender.
      // The original took the nickname from the client here; we use the one
      // the server stored at join time. A `nickname` in the payload is ignored,
      // so nobody can post as somebody else. `io.emit`: to everyone, as in demo 4.
      const message: Message = {
        id: randomUUID(),
        type: 'user',
        text,
        nickname: user.nickname,
        userId: user.id,
        timestamp: new Date().toISOString(),
      };
      history.push(message);
      if (history.length > HISTORY_LIMIT) history.shift();
      io.emit('new_message', message);
      // #endregion step-3

      reply(ack, { ok: true });
    });

    // 'disconnect' fires when the tab closes, reloads or loses its network.
    socket.on('disconnect', () => {
      // #region step-4: Forget a member who disconnects, and tell everyone who left and who is still online
      const user = users.get(socket.id);
      if (user === undefined) return; // never joined: nobody to announce
      users.delete(socket.id);
      io.emit('user_left', {
        type: 'system',
        text: `${user.nickname} left the chat`,
        timestamp: new Date().toISOString(),
        userCount: users.size,
      });
      io.emit('user_list_update', userList());
      // #endregion step-4
    });
  });

  return { app, io };
}

/** The trimmed string in `payload[field]`, or `''` when there is no such string. */
function readString(payload: unknown, field: string): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const value = (payload as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The nickname in `payload.nickname` in the form the server keeps: Unicode
 * NFKC form (so a full-width "ＢＯＢ" becomes "BOB"), trimmed, each run of spaces
 * made one (`normalizeNickname` from demo-kit). `''` when there is none.
 */
function readNickname(payload: unknown): string {
  return normalizeNickname(readString(payload, 'nickname'));
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
function reply(ack: unknown, result: JoinAck | SendMessageAck): void {
  if (typeof ack === 'function') ack(result);
}
