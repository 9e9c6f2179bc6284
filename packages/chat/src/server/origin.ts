import type { IncomingMessage } from 'node:http';

/** socket.io's `allowRequest` hook: decides whether a handshake may go on. */
export type AllowRequest = (
  request: IncomingMessage,
  callback: (error: string | null | undefined, success: boolean) => void,
) => void;

/**
 * socket.io's `allowRequest` for a same-origin server: a browser request
 * (which always carries `Origin`) is accepted when its origin's host is the
 * request's `Host`, or when the origin is listed in `allowedOrigins`.
 * Requests without `Origin` (Node clients, curl) are accepted: the check
 * stops other web pages from using a visitor's browser, nothing more.
 *
 * @example
 * new Server(httpServer, { allowRequest: createOriginCheck(['http://localhost:4321']) });
 */
export function createOriginCheck(allowedOrigins: readonly string[] = []): AllowRequest {
  const allowed = new Set(allowedOrigins.map(normaliseOrigin));
  return (request, callback) => {
    const origin = request.headers.origin;
    if (origin === undefined) return callback(null, true);
    const normalised = normaliseOrigin(origin);
    const host = request.headers.host?.toLowerCase();
    if (allowed.has(normalised) || (host !== undefined && hostOf(origin) === host)) {
      return callback(null, true);
    }
    callback(
      `The origin ${origin} may not connect; expected the server's own origin${
        allowed.size ? ` or one of ${[...allowed].join(', ')}` : ''
      }.`,
      false,
    );
  };
}

function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
