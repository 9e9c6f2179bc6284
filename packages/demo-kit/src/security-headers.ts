import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** Options for {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /**
   * More places the page may connect to besides its own origin, e.g. the raw
   * WebSocket server of the sidebar on another port: `(req) => ['ws://127.0.0.1:8765']`.
   */
  connectSources?: (request: Request) => string[];
}

/**
 * Headers that make a page harder to attack, for every demo, set by helmet:
 * - a Content Security Policy that only runs scripts from this server, so even
 *   if user text did end up as HTML, an injected `<script>` or `onerror=` would
 *   not run (defence in depth; the first defence is `textContent`);
 * - `X-Content-Type-Options: nosniff`, so a text file is never run as a script;
 * - `Referrer-Policy: same-origin` (helmet's default sends none; the course
 *   reads a demo pane's own address from it, and no other site ever gets it);
 * - helmet's other defaults: framing by this origin only, the page kept in its
 *   own browsing-context group, no cross-origin reads of its files.
 *
 * Left out on purpose: `Strict-Transport-Security` and `upgrade-insecure-requests`.
 * The demos speak plain HTTP on a laptop or a classroom network, where both
 * would send the browser to an https:// that does not exist.
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  const connect = (request: Request) =>
    ["'self'", ...(options.connectSources?.(request) ?? [])].join(' ');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // helmet hands over the request it was given: express's, as this is express middleware.
        connectSrc: [(request) => connect(request as Request)],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  }) as RequestHandler;
}
