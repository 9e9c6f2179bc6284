import { checkHost, type HostAllowlist } from '@funws/chat/server';
import { browserCode } from '@funws/demo-kit';
import { type Request, type Response, Router } from 'express';
import type { Server as SocketIoServer } from 'socket.io';
import type { TokenStore } from './page-tokens.ts';

/**
 * Client cells: a few lines of the learner's own client code, run against the
 * lesson's live demo. How they reach the demo safely:
 *
 * 1. The code runs in a sandboxed iframe (`sandbox="allow-scripts"`, without
 *    `allow-same-origin`), the runner page served here at `/cells/runner/`.
 *    Its origin is opaque, so the code cannot read the lesson page, its
 *    storage or cookies, and its Content Security Policy lets it connect to
 *    this server's WebSocket and nowhere else.
 * 2. An opaque origin sends `Origin: null`, which every demo's same-origin
 *    check refuses, and must: any page on the web can make a sandboxed
 *    iframe. So a cell's handshake also carries a ticket: single-use, a
 *    minute long, for one demo, handed out by `POST /cells/ticket` only to a
 *    page of this origin holding its page token (see request-guard.ts).
 * 3. {@link ClientCells.admit} wraps a demo's own `allowRequest`: a handshake
 *    with `Origin: null` *and* a `cell` ticket is let in when the ticket is
 *    good and the Host allowed; everything else goes to the demo's check,
 *    unchanged. `Origin: null` without a ticket is refused as before.
 */
export interface ClientCells {
  /** `/runner/` (the page), `/runner/js/runner.js`; mount under `/cells`. */
  router: Router;
  /** Lets cells with a good ticket connect to this demo's socket.io. Call after it is attached. */
  // biome-ignore lint/suspicious/noExplicitAny: each demo has its own typed event maps
  admit(demo: string, io: SocketIoServer<any, any, any, any>): void;
  /** A ticket for one connection to `demo`. */
  ticket(demo: string): string;
}

/** How long a ticket may wait for its handshake. */
export const ticketTtlMs = 60_000;

export function createClientCells(tickets: TokenStore, allowedHosts: HostAllowlist): ClientCells {
  const router = Router();

  // The runner's code, bundled on request like a demo's browser code. It is
  // fetched by an opaque origin, as a module script: that is a CORS request,
  // so it says anyone may load it (it is public code, no secret in it).
  router.use(
    '/runner/js',
    (_request, response, next) => {
      response.setHeader('Access-Control-Allow-Origin', '*');
      next();
    },
    browserCode(new URL('../../src/components/cells/runner/', import.meta.url)),
  );

  router.get('/runner/', (request: Request, response: Response) => {
    const host = request.headers.host ?? '';
    const hostVerdict = checkHost(request, allowedHosts);
    if (!hostVerdict.ok) {
      response.status(hostVerdict.status).type('text').send(hostVerdict.message);
      return;
    }
    const origin = `http://${host}`;
    response.set({
      'Content-Security-Policy': [
        // The document is sandboxed even when opened on its own, not only in the cell's iframe.
        'sandbox allow-scripts',
        "default-src 'none'",
        // Its own bundle, and 'unsafe-eval' to turn the learner's text into code:
        // allowed in this opaque, sandboxed page only, never on the lesson page.
        `script-src ${origin}/cells/runner/js/ 'unsafe-eval'`,
        `connect-src ws://${host}`,
        `frame-ancestors ${origin}`,
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
      // Nothing this page loads needs to say where it came from.
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    response
      .type('html')
      .send(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
          '<title>Client cell runner</title>' +
          '<script type="module" src="js/runner.js"></script></head><body></body></html>\n',
      );
  });

  return {
    router,
    ticket: (demo) => tickets.issue(`cell:${demo}`, ticketTtlMs),
    admit(demo, io) {
      // engine.io reads `opts.allowRequest` at each handshake, so the wrapper takes
      // effect at once; everything but a ticketed `Origin: null` goes to the demo's own.
      const { opts } = io.engine;
      const demosOwn = opts.allowRequest;
      opts.allowRequest = (request, callback) => {
        const ticket = new URL(request.url ?? '/', 'http://localhost').searchParams.get('cell');
        if (request.headers.origin === 'null' && ticket !== null) {
          const allowed =
            allowedHosts.allows(request.headers.host) && tickets.consume(ticket, `cell:${demo}`);
          callback(
            allowed
              ? null
              : 'A client cell needs a fresh ticket from its lesson page; press Run again.',
            allowed,
          );
          return;
        }
        if (demosOwn) demosOwn(request, callback);
        else callback(null, true);
      };
    },
  };
}
