import type { IncomingMessage } from 'node:http';
import { checkHost, type HostAllowlist } from '@funws/chat/server';
import type { Response } from 'express';

/**
 * The checks every `/cells/*` request passes before it may do anything: it
 * was sent to a host name this server answers to (no DNS rebinding), by a
 * page of this very origin (no cross-site request), and, where asked, with a
 * token the page got from this server.
 */

/** A refusal: the status to answer with, and the typed error for the body. */
export interface Refusal {
  status: 400 | 403 | 404 | 409 | 421;
  code: string;
  message: string;
}

/**
 * Why a browser request may not use the cells, or undefined when it may:
 * `Host` must name an allowed host, and `Origin` (which browsers send with
 * every POST) must be this server's own, as must `Sec-Fetch-Site` when sent.
 *
 * @example
 * const refusal = refuseForeign(request, createHostAllowlist());
 * if (refusal) return answer(response, refusal);
 */
export function refuseForeign(
  request: IncomingMessage,
  allowedHosts: HostAllowlist,
): Refusal | undefined {
  const host = request.headers.host;
  // The library's Host check, the one every server of this project shares.
  const hostVerdict = checkHost(request, allowedHosts);
  if (!hostVerdict.ok) {
    return { status: 421, code: 'host_not_allowed', message: hostVerdict.message };
  }
  const origin = request.headers.origin;
  if (origin === undefined || !isOriginOf(origin, host)) {
    return {
      status: 403,
      code: 'cross_origin',
      message: `Only the course's own pages may do this; the request came from ${origin === undefined ? 'no page (no Origin header)' : `"${origin}"`}, expected "http://${host}".`,
    };
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return {
      status: 403,
      code: 'cross_origin',
      message: `Only the course's own pages may do this; the browser says the request is "${String(site)}", expected "same-origin".`,
    };
  }
  return undefined;
}

function isOriginOf(origin: string, host: string | undefined): boolean {
  try {
    const url = new URL(origin);
    return url.origin === origin && url.host === host && /^https?:$/.test(url.protocol);
  } catch {
    return false; // `Origin: null` (a sandboxed page) or garbage
  }
}

/** Answers a refusal as `{ ok: false, error: { code, message } }`. */
export function answer(response: Response, refusal: Refusal): void {
  response
    .status(refusal.status)
    .set('Cache-Control', 'no-store')
    .json({ ok: false, error: { code: refusal.code, message: refusal.message } });
}

/** The header a page sends its token in. */
export const tokenHeader = 'x-funws-token';
