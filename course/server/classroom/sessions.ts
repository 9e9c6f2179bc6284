import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The cookie a student gets for typing the join code: `<id>.<signature>`,
 * the id random and the signature an HMAC of it with a secret made at start.
 * Nobody can make a valid one without the code; a restart (new secret) or
 * {@link ClassroomSessions.revoke} ends them.
 */
export interface ClassroomSessions {
  /** A new signed session value for the cookie. */
  issue(): string;
  /** The session id of a cookie value when it is genuine and not revoked. */
  verify(value: string | undefined): string | undefined;
  /** Ends a session: its cookie is refused from now on (a removed student). */
  revoke(id: string): void;
}

export const sessionCookieName = 'funws_classroom';

export function createClassroomSessions(secret: Buffer = randomBytes(32)): ClassroomSessions {
  const revoked = new Set<string>();
  const sign = (id: string) => createHmac('sha256', secret).update(id).digest('base64url');
  return {
    issue() {
      const id = randomBytes(18).toString('base64url');
      return `${id}.${sign(id)}`;
    },
    verify(value) {
      if (value === undefined) return undefined;
      const [id, signature, extra] = value.split('.');
      if (!id || !signature || extra !== undefined || !/^[\w-]{1,64}$/.test(id)) return undefined;
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return revoked.has(id) ? undefined : id;
    },
    revoke(id) {
      revoked.add(id);
    },
  };
}

/** The value of cookie `name` in a `Cookie` header, if there is one. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
