import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { checkHost, createHostAllowlist, type HostAllowlist, hostNameOf } from '@funws/chat/server';
import { guardServer } from './guard-server.ts';

/** `HOST` values that mean "every network interface". */
const everyInterface = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host names a server started from the command line answers to: the
 * loopback names (localhost, 127.0.0.1, [::1]), plus
 * - the address in `HOST`, when it names one (`HOST=192.168.1.20`);
 * - this computer's network addresses and name, when `HOST` is `0.0.0.0` or
 *   `::` (every interface: other computers reach it by those);
 * - every name in `ALLOWED_HOSTS`, separated by commas or spaces
 *   (`ALLOWED_HOSTS=chat.example,.lan`; a leading dot allows every name below).
 *
 * The answer is a `HostAllowlist`: `add()` extends it while the server runs.
 *
 * @example
 * const hosts = allowedHostsFromEnv({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'classroom.local' });
 * hosts.allows('classroom.local:4321'); // true
 */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): HostAllowlist {
  const hosts = createHostAllowlist();
  const bind = env.HOST?.trim();
  if (bind && everyInterface.has(bind)) hosts.add(...networkHostNames());
  else if (bind) hosts.add(bind);
  if (env.ALLOWED_HOSTS) hosts.add(...env.ALLOWED_HOSTS.split(/[\s,]+/).filter(Boolean));
  return hosts;
}

/**
 * The names other computers can reach this one by: its host name (and
 * `<name>.local`, the name mDNS gives it on a LAN) and the address of each of
 * its network interfaces, IPv6 ones in brackets as a URL writes them.
 *
 * @example
 * console.log(networkHostNames()); // ['laptop', 'laptop.local', '192.168.1.20', …]
 */
export function networkHostNames(): string[] {
  const name = hostname().toLowerCase();
  const names = name.includes('.') ? [name] : [name, `${name}.local`];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const { address, family } of addresses ?? []) {
      names.push(family === 'IPv6' ? `[${address}]` : address);
    }
  }
  return names;
}

/**
 * Makes `server` refuse every request and WebSocket upgrade whose `Host` is
 * not in `hosts`, with **421 Misdirected Request** and a sentence that says
 * which names it answers to and how to add one. Nothing else on the server
 * (express, socket.io, a raw WebSocket server) sees such a request.
 *
 * Why: a page on `evil.example` can make its own name resolve to 127.0.0.1
 * ("DNS rebinding"). To the browser that page is then *same-origin* with this
 * server, so an `Origin` check passes; only the `Host` header still says
 * `evil.example`.
 *
 * It wraps `server.emit`, so it holds for listeners added before and after it.
 *
 * @example
 * const server = createServer(app);
 * refuseUnknownHosts(server, allowedHostsFromEnv());
 */
export function refuseUnknownHosts(server: HttpServer, hosts: HostAllowlist): void {
  guardServer(server, (request, reply) => {
    const verdict = checkHost(request, hosts);
    if (verdict.ok) return false;
    const message = `${verdict.message}${hint(request)}\n`;
    if (reply.kind === 'upgrade') refuseUpgrade(reply.socket, message);
    else refuseRequest(reply.response, message);
    return true;
  });
}

function hint(request: IncomingMessage): string {
  const name = hostNameOf(request.headers.host);
  return name === undefined
    ? ''
    : ` If ${name} is this computer's name and you meant it, start the server with ALLOWED_HOSTS=${name}.`;
}

function refuseRequest(response: ServerResponse, message: string): void {
  response.writeHead(421, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(message),
    Connection: 'close',
  });
  response.end(message);
}

function refuseUpgrade(socket: Duplex, message: string): void {
  socket.end(
    'HTTP/1.1 421 Misdirected Request\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(message)}\r\n` +
      'Connection: close\r\n\r\n' +
      message,
  );
}
