import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Letters and digits a room can read off a projector and type without
 * mixing them up: no 0/O, 1/I/L, 5/S, 2/Z.
 */
export const joinCodeAlphabet = 'ABCDEFGHJKMNPQRTUVWXY346789';
/** 6 characters of 27: about 387 million codes, and wrong guesses are limited per address. */
export const joinCodeLength = 6;

/**
 * A fresh join code for a class, e.g. `K7QX4M`.
 *
 * @example
 * const code = createJoinCode(); // 'K7QX4M'
 */
export function createJoinCode(): string {
  let code = '';
  for (let index = 0; index < joinCodeLength; index += 1) {
    code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
  }
  return code;
}

/** How a typed code is compared: trimmed, upper case, spaces and dashes left out. */
export function normaliseJoinCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * True when `typed` is the join code. Compared in constant time (both sides
 * hashed first, so their lengths do not leak either), so the time an answer
 * takes tells a guesser nothing about how close they were.
 *
 * @example
 * sameJoinCode('k7qx-4m', 'K7QX4M'); // true
 */
export function sameJoinCode(typed: string, code: string): boolean {
  const digest = (text: string) => createHash('sha256').update(normaliseJoinCode(text)).digest();
  return timingSafeEqual(digest(typed), digest(code));
}
