import type { IncomingMessage } from 'node:http';

/** The instructor's own computer: loopback 127.0.0.1 and ::1 exactly (not the rest of 127/8). */
const instructorAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Who is asking, as the classroom decides it. */
export type Role = 'instructor' | 'student';

/**
 * The address a request comes from. Behind a reverse proxy (`trustProxy`)
 * the proxy's own connection is loopback, so the client is the last
 * address it wrote in `X-Forwarded-For`; only a loopback peer is believed,
 * anyone else could write that header.
 *
 * @example
 * clientAddress(request, false); // '192.168.1.31'
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? '';
  if (!trustProxy || !instructorAddresses.has(peer)) return peer;
  const forwarded = request.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // A request the proxy forwarded is never the instructor's own, even when
  // the header is empty or malformed: the proxy is for students.
  if (request.headers['x-forwarded-for'] !== undefined) return list.at(-1) ?? 'unknown';
  return peer;
}

/**
 * The instructor is whoever sits at this computer: requests from 127.0.0.1
 * or ::1. Everyone else, 127.0.0.2 to 127.0.0.254 included (tests play
 * students from there), is a student.
 *
 * @example
 * roleOf(request, false); // 'student'
 */
export function roleOf(request: IncomingMessage, trustProxy: boolean): Role {
  return instructorAddresses.has(clientAddress(request, trustProxy)) ? 'instructor' : 'student';
}
