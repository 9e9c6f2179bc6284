import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Where a guard answers what it stops: a plain request's response, or a WebSocket upgrade's socket. */
export type GuardedReply =
  | { kind: 'request'; response: ServerResponse }
  | { kind: 'upgrade'; socket: Duplex };

/**
 * Decides about one request or upgrade before anything else on the server
 * sees it: answer it through `reply` and return `true` to stop it there, or
 * return `false` to let it through.
 */
export type ServerGuard = (request: IncomingMessage, reply: GuardedReply) => boolean;

/**
 * Puts `guard` in front of every HTTP request (`request`, `checkContinue`)
 * and WebSocket upgrade (`upgrade`) that `server` receives. It wraps
 * `server.emit`, so it holds for listeners added before and after it
 * (express, socket.io, a raw WebSocket server): a request the guard stops
 * reaches none of them. Guards installed later run first.
 *
 * @example
 * guardServer(server, (request, reply) => {
 *   if (request.headers.host === 'localhost:4321') return false;
 *   if (reply.kind === 'upgrade') reply.socket.destroy();
 *   else reply.response.writeHead(421).end('Unknown host\n');
 *   return true;
 * });
 */
export function guardServer(server: HttpServer, guard: ServerGuard): void {
  const emit = server.emit as (
    this: HttpServer,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  const guarded = function (this: HttpServer, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' || event === 'upgrade' || event === 'checkContinue') {
      const request = args[0] as IncomingMessage;
      const reply: GuardedReply =
        event === 'upgrade'
          ? { kind: 'upgrade', socket: args[1] as Duplex }
          : { kind: 'request', response: args[1] as ServerResponse };
      if (guard(request, reply)) return true;
    }
    return emit.call(this, event, ...args);
  };
  server.emit = guarded as HttpServer['emit'];
}
