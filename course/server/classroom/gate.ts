import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { guardServer } from '@funws/demo-kit';
import { sameJoinCode } from './join-code.ts';
import { gatePageHeaders, joinPage } from './join-page.ts';
import { type ClassroomSessions, readCookie, sessionCookieName } from './sessions.ts';
import { roleOf } from './who.ts';

export interface GateOptions {
  /** The class's join code. */
  code: string;
  sessions: ClassroomSessions;
  /** Believe `X-Forwarded-For` from a loopback proxy (only with a public URL). */
  trustProxy: boolean;
  /** Mark the cookie `Secure` (the public URL is https). */
  secureCookie: boolean;
  /** Wrong codes one address may type per minute. Default 20. */
  wrongCodesPerMinute?: number;
  /** Told about every refusal, for the instructor's dashboard. */
  onRefusal?: (reason: string, address: string) => void;
}

/** What a student with the cookie may never reach: the instructor's side, and anything that runs commands. */
export function isInstructorOnly(path: string): boolean {
  if (path === '/instructor' || path.startsWith('/instructor/')) return true;
  if (path === '/cells' || path.startsWith('/cells/')) return !studentCellPath(path);
  return false;
}

/**
 * Of `/cells`, students get what a lesson page needs and what cannot touch
 * files or run anything: a page token, a client cell's ticket to a demo (the
 * cell's code runs in the student's own browser), and the runner page.
 * "Check my work" (`/cells/check/…`) runs the exercise's tests on this
 * computer, so it stays the instructor's.
 */
function studentCellPath(path: string): boolean {
  return path === '/cells/token' || path === '/cells/ticket' || path.startsWith('/cells/runner/');
}

/**
 * What a visitor without the cookie may still fetch: the runner of client
 * cells (public code; its sandboxed, opaque-origin page is not sent the
 * SameSite cookie), and a client cell's socket.io handshake, which carries a
 * single-use ticket that only a joined page could get and that the demo
 * checks itself.
 */
function openWithoutCookie(path: string, search: URLSearchParams): boolean {
  if (path.startsWith('/cells/runner/')) return true;
  return /^\/demos\/[\w-]+\/socket\.io\/$/.test(path) && search.has('cell');
}

/**
 * Puts the classroom's gate in front of every request and WebSocket upgrade
 * of `server`, whatever route or socket.io server would answer it (it wraps
 * `server.emit`, like demo-kit's `refuseUnknownHosts`; install it *before*
 * that one, so the Host check runs first):
 *
 * - the instructor (127.0.0.1, ::1) passes;
 * - `/join?code=…` with the right code sets the class cookie (HttpOnly,
 *   SameSite=Lax) and sends the student to the course;
 * - a student with the cookie passes, except to {@link isInstructorOnly} paths (403);
 * - anyone else gets the join page (401), and an upgrade is closed with 401:
 *   no socket, inspector stream or lab endpoint opens for them.
 *
 * @example
 * gateClassroom(server, { code: 'K7QX4M', sessions: createClassroomSessions(), trustProxy: false, secureCookie: false });
 */
export function gateClassroom(server: HttpServer, options: GateOptions): void {
  const wrongCodes = createWrongCodeCounter(options.wrongCodesPerMinute ?? 20);
  guardServer(server, (request, reply) => {
    const verdict = decide(request, options, wrongCodes);
    if (verdict.kind === 'pass') return false;
    // The join page and a good code are not refusals worth the instructor's eye.
    if (verdict.status === 403 || verdict.status === 429) {
      options.onRefusal?.(verdict.reason, request.socket.remoteAddress ?? '');
    }
    if (reply.kind === 'upgrade') refuseUpgrade(reply.socket, verdict.status, verdict.reason);
    else answer(reply.response, verdict, options);
    return true;
  });
}

type Verdict =
  | { kind: 'pass' }
  | { kind: 'joined'; status: 303; reason: string }
  | { kind: 'home'; status: 303; reason: string }
  | { kind: 'join-page'; status: 200 | 401 | 403 | 429; reason: string; problem?: string }
  | { kind: 'forbidden'; status: 403; reason: string };

function decide(
  request: IncomingMessage,
  options: GateOptions,
  wrongCodes: WrongCodeCounter,
): Verdict {
  const url = new URL(request.url ?? '/', 'http://classroom.invalid');
  const path = url.pathname;
  if (roleOf(request, options.trustProxy) === 'instructor') {
    // The instructor trying the students' link needs no code: straight to the course.
    if (path === '/join' && request.method === 'GET')
      return { kind: 'home', status: 303, reason: 'instructor' };
    return { kind: 'pass' };
  }
  const session = options.sessions.verify(readCookie(request.headers.cookie, sessionCookieName));

  if (path === '/join' && request.method === 'GET') {
    const typed = url.searchParams.get('code');
    if (typed === null) return { kind: 'join-page', status: 200, reason: 'join page' };
    const address = request.socket.remoteAddress ?? '';
    if (wrongCodes.exhausted(address)) {
      return {
        kind: 'join-page',
        status: 429,
        reason: 'too many wrong join codes',
        problem: 'Too many wrong codes from this computer; wait a minute, then try again.',
      };
    }
    if (typed.length <= 64 && sameJoinCode(typed, options.code)) {
      return { kind: 'joined', status: 303, reason: 'joined' };
    }
    wrongCodes.count(address);
    return {
      kind: 'join-page',
      status: 403,
      reason: 'wrong join code',
      problem: 'That is not the join code of this class. Check it and try again.',
    };
  }
  if (session === undefined) {
    if (openWithoutCookie(path, url.searchParams)) return { kind: 'pass' };
    return { kind: 'join-page', status: 401, reason: 'no join code yet' };
  }
  if (isInstructorOnly(path)) {
    return { kind: 'forbidden', status: 403, reason: `student at ${path}` };
  }
  return { kind: 'pass' };
}

function answer(
  response: ServerResponse,
  verdict: Exclude<Verdict, { kind: 'pass' }>,
  options: GateOptions,
) {
  if (verdict.kind === 'joined') {
    const cookie = [
      `${sessionCookieName}=${options.sessions.issue()}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      // A class lasts a day at most; the next one gets a new code anyway.
      'Max-Age=43200',
      ...(options.secureCookie ? ['Secure'] : []),
    ].join('; ');
    response.writeHead(303, { Location: '/', 'Set-Cookie': cookie, 'Cache-Control': 'no-store' });
    response.end();
    return;
  }
  if (verdict.kind === 'home') {
    response.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
    response.end();
    return;
  }
  if (verdict.kind === 'forbidden') {
    const message =
      'This part of the course is for the instructor only (it runs on their computer). ' +
      'Ask them if you need it.\n';
    response.writeHead(403, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(message),
    });
    response.end(message);
    return;
  }
  const body = joinPage(verdict.problem);
  response.writeHead(verdict.status, {
    ...gatePageHeaders,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const message = `This class needs its join code first (${reason}): open /join.\n`;
  const text = status === 403 ? 'Forbidden' : status === 429 ? 'Too Many Requests' : 'Unauthorized';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  );
}

interface WrongCodeCounter {
  count(address: string): void;
  exhausted(address: string): boolean;
}

/**
 * Wrong codes per address in the minute since its first wrong code, so a
 * code cannot be guessed by brute force. (A window per address, not one
 * aligned to the clock: a burst of guesses cannot straddle a reset.)
 */
function createWrongCodeCounter(perMinute: number, now: () => number = Date.now): WrongCodeCounter {
  const windows = new Map<string, { since: number; count: number }>();
  const current = (address: string) => {
    const window = windows.get(address);
    if (window && now() - window.since < 60_000) return window;
    windows.delete(address);
    // Forget the windows that have ended, so the map stays as small as the crowd of guessers.
    for (const [key, entry] of windows) if (now() - entry.since >= 60_000) windows.delete(key);
    return undefined;
  };
  return {
    count(address) {
      const window = current(address);
      if (window) window.count += 1;
      else windows.set(address, { since: now(), count: 1 });
    },
    exhausted(address) {
      return (current(address)?.count ?? 0) >= perMinute;
    },
  };
}
