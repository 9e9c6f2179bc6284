import type { IncomingMessage } from 'node:http';

/**
 * A socket.io `allowRequest` check that only lets in pages from this server.
 *
 * Why it is needed: browsers apply CORS to fetch and XHR, but **not** to
 * WebSocket handshakes. Any web page a user visits could open a WebSocket to
 * `ws://localhost:5004` and chat as them ("cross-site WebSocket hijacking").
 * A browser always sends an `Origin` header on a WebSocket handshake, so we
 * compare it with the `Host` the request was sent to. Requests without an
 * `Origin` (command-line tools, Node clients in tests) are not from a web
 * page and are allowed.
 *
 * @example
 * const io = new Server({ path: `${basePath}/socket.io`, allowRequest: sameOriginOnly });
 */
export function sameOriginOnly(
  request: IncomingMessage,
  callback: (error: string | null | undefined, success: boolean) => void,
): void {
  callback(null, isSameOrigin(request));
}

/** True when the request has no `Origin`, or its `Origin` names the host it was sent to. */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
