import type { IncomingMessage } from 'node:http';
import { checkOrigin } from '@funws/chat/server';

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
 * The check itself is the library's (`checkOrigin` in `@funws/chat/server`),
 * so the demos, the course and the library refuse the same requests. Which
 * `Host` names are answered at all is decided before this, for the whole
 * server, by {@link refuseUnknownHosts} (which `startDemo` and the course use).
 *
 * @example
 * const io = new Server({ path: `${basePath}/socket.io`, allowRequest: sameOriginOnly });
 */
export function sameOriginOnly(
  request: IncomingMessage,
  callback: (error: string | null | undefined, success: boolean) => void,
): void {
  const verdict = checkOrigin(request);
  if (verdict.ok) callback(null, true);
  else callback(verdict.message, false);
}

/**
 * True when the request has no `Origin`, or its `Origin` names the host it was sent to.
 *
 * @example
 * if (!isSameOrigin(request)) return response.status(403).send('Only this page may do that.');
 */
export function isSameOrigin(request: Pick<IncomingMessage, 'headers'>): boolean {
  return checkOrigin(request).ok;
}
