import { fileURLToPath } from 'node:url';
import {
  browserCode,
  type DemoApp,
  type DemoOptions,
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
  DEFAULT_USERNAME,
  type EchoAck,
  type ErrorCode,
  MAX_MESSAGE_LENGTH,
  MAX_USERNAME_LENGTH,
  type ServerToClientEvents,
} from './protocol.ts';

/**
 * Demo 3: the first socket. Until now (demos 1 and 2) the browser asked and the
 * server answered, one HTTP request at a time. Here the browser opens a
 * *socket*: a connection that stays open, so either side can send a message
 * whenever it likes. The server greets each new socket and echoes back
 * whatever that socket sends.
 */
export function createApp({ basePath = '' }: DemoOptions = {}): DemoApp {
  // The HTTP side: the page, its CSS, and the browser code (TypeScript, bundled on request).
  const app = express();
  app.use(securityHeaders());
  app.use(express.static(fileURLToPath(new URL('../public/', import.meta.url))));
  app.use('/js', browserCode(new URL('./client/', import.meta.url)));

  // The socket side. The two type parameters are our event lists from
  // protocol.ts, so `socket.emit('echo_respons', …)` (a typo) or a payload of
  // the wrong shape is a compile error, not a silent bug.
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

  // 'connection' fires once for every browser tab that connects. `socket` is
  // that one connection: what we emit on it goes to that tab only.
  io.on('connection', (socket) => {
    // Every handler below takes `(payload, ack)`. A client may send an ack
    // without a payload, or extra arguments; onePayloadAndAck() sorts that out
    // first, so `ack` is always the callback if there is one (or undefined).
    socket.use(onePayloadAndAck());

    // #region step-1: Greet each new connection with a status message
    socket.emit('status', { msg: 'Connected: type a message and the server will echo it back.' });
    // #endregion step-1

    // The types in protocol.ts describe what a well-behaved browser sends. But
    // anything can arrive over the network (someone can type
    // `socket.emit('echo_message', 42)` in the console), so we accept `unknown`
    // and check each field by hand. (In the original workshop, a payload with
    // a missing field raised an exception in the handler.)
    socket.on('echo_message', (payload: unknown, ack?: unknown) => {
      const message = readString(payload, 'message');
      if (message === '' || message.length > MAX_MESSAGE_LENGTH) {
        reply(
          ack,
          fail('invalid_payload', `A message needs 1 to ${MAX_MESSAGE_LENGTH} characters.`),
        );
        return;
      }
      const username = readString(payload, 'username') || DEFAULT_USERNAME;
      if (username.length > MAX_USERNAME_LENGTH) {
        reply(
          ack,
          fail('invalid_payload', `A username has at most ${MAX_USERNAME_LENGTH} characters.`),
        );
        return;
      }
      if (refuseUnreadable(ack, message, username)) return;

      // #region step-2: Echo the message back to the sender only, stamped with the server's time
      // `socket.emit` sends to this one client; `io.emit` would send to every
      // connected client (that is demo 4). The timestamp comes from the
      // server's clock: the original workshop took timestamps from the browser,
      // which can send any time it likes.
      socket.emit('echo_response', {
        username,
        message,
        echo: true,
        timestamp: new Date().toISOString(),
      });
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
function reply(ack: unknown, result: EchoAck): void {
  if (typeof ack === 'function') ack(result);
}
