import type { IncomingMessage } from 'node:http';

/**
 * socket.io's `allowRequest` hook: decides whether a handshake may go on.
 *
 * @example
 * import { Server } from 'socket.io';
 *
 * const allowRequest: AllowRequest = createOriginCheck({ allowedOrigins: ['http://localhost:4321'] });
 * const io = new Server(httpServer, { allowRequest });
 */
export type AllowRequest = (
  request: IncomingMessage,
  callback: (error: string | null | undefined, success: boolean) => void,
) => void;

/**
 * The host names a server answers to when nobody says otherwise: this
 * computer's loopback names, on any port.
 *
 * @example
 * const verdict = checkRequestOrigin(request, {
 *   allowedHosts: [...defaultAllowedHosts, 'chat.example.com'],
 * });
 */
export const defaultAllowedHosts: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host names a server answers to, on any port. Names are compared without
 * case; an IPv6 address may be written with or without brackets; a name
 * starting with a dot (`.example.com`) also allows every name below it.
 * `add()` extends the list while the server runs, e.g. with the network
 * addresses a classroom mode prints for students.
 *
 * @example
 * const hosts = createHostAllowlist(); // localhost, 127.0.0.1, [::1]
 * hosts.add('192.168.1.20');
 * hosts.allows('192.168.1.20:4321'); // true
 */
export interface HostAllowlist {
  /** True when a `Host` header (`name` or `name:port`) names an allowed host. */
  allows(hostHeader: string | undefined): boolean;
  /** Allows more host names. */
  add(...names: string[]): void;
  /** The allowed names, as written in messages. */
  names(): string[];
}

/**
 * A {@link HostAllowlist}, by default of {@link defaultAllowedHosts}.
 *
 * @example
 * const hosts = createHostAllowlist([...defaultAllowedHosts, 'chat.example.com']);
 */
export function createHostAllowlist(names: Iterable<string> = defaultAllowedHosts): HostAllowlist {
  const allowed = new Set<string>();
  const add = (...more: string[]) => {
    for (const name of more) {
      const normalised = normaliseHostName(name);
      if (normalised !== '') allowed.add(normalised);
    }
  };
  add(...names);
  return {
    allows(hostHeader) {
      const name = hostNameOf(hostHeader);
      if (name === undefined) return false;
      if (allowed.has(name)) return true;
      for (const entry of allowed) {
        if (entry.startsWith('.') && (name.endsWith(entry) || name === entry.slice(1))) return true;
      }
      return false;
    },
    add,
    names: () => [...allowed],
  };
}

/**
 * The host name of a `Host` header, lower-cased and without its port:
 * `LocalHost:4321` → `localhost`, `[::1]:80` → `[::1]`. `undefined` for a
 * missing or malformed header.
 *
 * @example
 * hostNameOf('127.0.0.1:5004'); // '127.0.0.1'
 */
export function hostNameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    const { hostname, username, pathname, search } = new URL(`http://${hostHeader}`);
    if (username !== '' || pathname !== '/' || search !== '') return undefined;
    return hostname === '' ? undefined : hostname;
  } catch {
    return undefined;
  }
}

function normaliseHostName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (trimmed.startsWith('.')) return trimmed;
  // A bare IPv6 address (`::1`) is written with brackets in a Host header.
  if (trimmed.includes(':') && !trimmed.startsWith('[')) return `[${trimmed}]`;
  return trimmed;
}

/**
 * Who may connect: see {@link checkRequestOrigin}.
 *
 * @example
 * const options: OriginCheckOptions = {
 *   allowedOrigins: ['http://localhost:4321'],
 *   allowedHosts: ['localhost', 'chat.example.com'],
 * };
 * const verdict = checkRequestOrigin(request, options);
 */
export interface OriginCheckOptions {
  /**
   * Browser origins allowed besides the server's own, e.g.
   * `['http://localhost:4321']`. Default none: same-origin only.
   */
  allowedOrigins?: readonly string[];
  /**
   * The host names the server answers to (any port). Default
   * {@link defaultAllowedHosts}: the loopback names.
   */
  allowedHosts?: readonly string[] | HostAllowlist;
}

/**
 * What {@link checkRequestOrigin} decided. A refusal carries the HTTP status to
 * answer with and a sentence that says what was received and what to do.
 *
 * @example
 * const verdict: OriginVerdict = checkRequestOrigin(request);
 * if (!verdict.ok) response.writeHead(verdict.status).end(verdict.message);
 */
export type OriginVerdict =
  | {
      /** The request may go on. */
      ok: true;
    }
  | {
      /** The request is refused. */
      ok: false;
      /** The HTTP status to answer with: 421 for a wrong Host, 403 for a foreign Origin. */
      status: 403 | 421;
      /** A sentence saying what was received and what was expected, for the response body. */
      message: string;
    };

/**
 * The origin and Host check every server of this project shares: first
 * {@link checkHost}, then {@link checkOrigin}.
 *
 * @example
 * const verdict = checkRequestOrigin(request, { allowedHosts: ['chat.example.com'] });
 * if (!verdict.ok) response.writeHead(verdict.status).end(verdict.message);
 */
export function checkRequestOrigin(
  request: Pick<IncomingMessage, 'headers'>,
  options: OriginCheckOptions = {},
): OriginVerdict {
  const host = checkHost(request, options.allowedHosts);
  return host.ok ? checkOrigin(request, options.allowedOrigins) : host;
}

/**
 * The Host check (421 Misdirected Request when refused): the name the request
 * was sent to must be one this server answers to. This stops DNS rebinding: a
 * page on `evil.example` whose name is made to resolve to 127.0.0.1 sends
 * `Host: evil.example`, and its `Origin` *matches* that Host, so an origin
 * check alone would let it in. 421 rather than 403: the request reached a
 * server that does not serve that name (RFC 9110, 15.5.20), which is exactly
 * the case.
 *
 * @example
 * checkHost({ headers: { host: 'evil.example:4321' } }); // { ok: false, status: 421, … }
 */
export function checkHost(
  request: Pick<IncomingMessage, 'headers'>,
  allowedHosts?: readonly string[] | HostAllowlist,
): OriginVerdict {
  const hosts = toAllowlist(allowedHosts);
  const host = request.headers.host;
  if (hosts.allows(host)) return { ok: true };
  return { ok: false, status: 421, message: hostRefusal(host, hosts) };
}

/**
 * The Origin check (403 Forbidden when refused): a browser request carries the
 * origin of the page that made it, which must be this server's own (`Origin`'s
 * host equals `Host`) or one listed in `allowedOrigins`. Browsers do not apply
 * CORS to WebSocket handshakes, so without this any site could open a socket
 * to a local server ("cross-site WebSocket hijacking"). Requests without
 * `Origin` (Node clients, curl) are not from a web page and pass.
 *
 * @example
 * checkOrigin({ headers: { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' } }); // { ok: true }
 */
export function checkOrigin(
  request: Pick<IncomingMessage, 'headers'>,
  allowedOrigins: readonly string[] = [],
): OriginVerdict {
  const { host, origin } = request.headers;
  if (origin === undefined) return { ok: true };
  const allowed = allowedOrigins.map(normaliseOrigin);
  if (allowed.includes(normaliseOrigin(origin))) return { ok: true };
  if (host !== undefined && originHost(origin) === host.toLowerCase()) return { ok: true };
  return {
    ok: false,
    status: 403,
    message:
      `A page from ${JSON.stringify(origin)} may not use this server; expected a page of this ` +
      `server itself (${host ?? 'no Host header'})${allowed.length ? ` or of ${allowed.join(', ')}` : ''}.`,
  };
}

/**
 * socket.io's `allowRequest` running {@link checkRequestOrigin}. socket.io
 * answers a refused handshake with 403 whatever the reason; the body carries
 * our sentence.
 *
 * @example
 * new Server(httpServer, { allowRequest: createOriginCheck({ allowedOrigins: ['http://localhost:4321'] }) });
 */
export function createOriginCheck(
  options: OriginCheckOptions | readonly string[] = {},
): AllowRequest {
  const resolved: OriginCheckOptions = isStringArray(options)
    ? { allowedOrigins: options }
    : { ...options, allowedHosts: toAllowlist(options.allowedHosts) };
  return (request, callback) => {
    const verdict = checkRequestOrigin(request, resolved);
    if (verdict.ok) callback(null, true);
    else callback(verdict.message, false);
  };
}

function isStringArray(value: OriginCheckOptions | readonly string[]): value is readonly string[] {
  return Array.isArray(value);
}

function toAllowlist(hosts: readonly string[] | HostAllowlist | undefined): HostAllowlist {
  if (hosts === undefined) return createHostAllowlist();
  if (isStringList(hosts)) return createHostAllowlist(hosts);
  return hosts;
}

function isStringList(hosts: readonly string[] | HostAllowlist): hosts is readonly string[] {
  return Array.isArray(hosts);
}

function hostRefusal(host: string | undefined, hosts: HostAllowlist): string {
  const received = host === undefined ? 'no Host header' : `the host name ${JSON.stringify(host)}`;
  return (
    `This server answers to ${hosts.names().join(', ')} (any port), but the request named ` +
    `${received}. Open it by one of those names. A name you do not recognise here can be a ` +
    'DNS-rebinding attack: a foreign site reaching this computer under its own name.'
  );
}

function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
