/**
 * The opening handshake's one computation (RFC 6455, section 4.2.2): the
 * server proves it speaks WebSocket by hashing the client's key with a fixed
 * GUID. Uses Web Crypto, so it runs in the browser and in Node alike.
 */

/** The GUID every WebSocket server appends to the key. */
export const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** RFC 6455's own example: this key must give {@link rfcExampleAccept}. */
export const rfcExampleKey = 'dGhlIHNhbXBsZSBub25jZQ==';
export const rfcExampleAccept = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

/**
 * `Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`: base64(SHA-1(key + GUID)).
 *
 * @example
 * await acceptFor('dGhlIHNhbXBsZSBub25jZQ=='); // 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='
 */
export async function acceptFor(key: string, subtle: SubtleCrypto = globalThis.crypto.subtle) {
  const digest = await subtle.digest('SHA-1', new TextEncoder().encode(key.trim() + websocketGuid));
  return toBase64(new Uint8Array(digest));
}

/**
 * A valid key: 16 random bytes, base64-encoded (24 characters).
 *
 * @example
 * randomKey(); // e.g. 'x3JJHMbDL1EzLkh9GBhXDw=='
 */
export function randomKey(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
) {
  return toBase64(random(new Uint8Array(16)));
}

/** True when `key` is what a browser would send: base64 of exactly 16 bytes. */
export function isValidKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{22}==$/.test(key.trim());
}

/** Hex of a SHA-1 digest, to show the step between the hash and base64. */
export async function sha1Hex(text: string, subtle: SubtleCrypto = globalThis.crypto.subtle) {
  const digest = new Uint8Array(await subtle.digest('SHA-1', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
