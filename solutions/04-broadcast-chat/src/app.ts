import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  browserCode,
  type DemoApp,
  type DemoOptions,
  limitRate,
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
  MAX_MESSAGE_LENGTH,
  type Message,
  type SendMessageAck,
  type ServerToClientEvents,
} from './protocol.ts';

/**
 * Demo 4: a chat room. Demo 3 answered each client on its own socket; here a
 * message from one client is *broadcast* to every connected client, and the
 * server keeps the recent messages so that a newcomer can catch up.
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

    // #region step-1: Send the recent messages to each client as it connects
    socket.emit('message_history', { messages: history });
    // #endregion step-1

    // The types in protocol.ts describe what a well-behaved browser sends. But
    // anything can arrive over the network (someone can type
    // `socket.emit('send_message', 42)` in the console), so we accept `unknown`
    // and check each field by hand. (In the original workshop, a payload with
    // a missing field raised an exception in the handler.)
    socket.on('send_message', (payload: unknown, ack?: unknown) => {
      const text = readString(payload, 'text');

      // #region step-4: Refuse a text that is empty or too long: answer with an error, and stop
      // Answer, then `return`: without it the handler would carry on, and
      // remember and broadcast the very text it has just refused.
      if (text === '' || text.length > MAX_MESSAGE_LENGTH) {
        reply(
          ack,
          fail('invalid_payload', `A message needs 1 to ${MAX_MESSAGE_LENGTH} characters.`),
        );
        return;
      }
      // #endregion step-4
      if (refuseUnreadable(ack, text)) return;

      // The server, not the browser, decides the id and the time, so nobody
      // can fake when a message was sent or reuse another message's id.
      const message: Message = { id: randomUUID(), text, timestamp: new Date().toISOString() };

      // #region step-3: Remember the message, keeping only the most recent ones
      history.push(message);
      if (history.length > HISTORY_LIMIT) history.shift();
      // #endregion step-3

      // #region step-2: Broadcast the message to every connected client, the sender included
      // `io.emit` sends to everyone connected; demo 3's `socket.emit` sent to one.
      // The sender gets it too, so every screen shows the same list in the same order.
      io.emit('new_message', message);
      // #endregion step-2

      // The acknowledgement: socket.io calls the function the client passed
      // as the last argument of its `emit`, like a reply to that one request.
      reply(ack, { ok: true });
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
function reply(ack: unknown, result: SendMessageAck): void {
  if (typeof ack === 'function') ack(result);
}
