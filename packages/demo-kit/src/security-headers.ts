import type { Request, RequestHandler } from 'express';

/** Options for {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /**
   * More places the page may connect to besides its own origin, e.g. the raw
   * WebSocket server of the sidebar on another port: `(req) => ['ws://127.0.0.1:8765']`.
   */
  connectSources?: (request: Request) => string[];
}

/**
 * Headers that make a page harder to attack, for every demo:
 * - a Content Security Policy that only runs scripts from this server, so even
 *   if user text did end up as HTML, an injected `<script>` or `onerror=` would
 *   not run (defence in depth; the first defence is `textContent`);
 * - `X-Content-Type-Options: nosniff`, so a text file is never run as a script;
 * - `Referrer-Policy: same-origin`.
 *
 * Pages may be framed by the same origin only (the course shows demos in iframes).
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  return (request, response, next) => {
    const connect = ["'self'", ...(options.connectSources?.(request) ?? [])].join(' ');
    const policy = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src ${connect}`,
      "frame-ancestors 'self'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; ');
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    next();
  };
}
