/**
 * What no message may hold: NUL (U+0000), which ends a string in C code, log
 * files and some databases, so the text a reader sees is not the text stored;
 * and an unpaired surrogate (half of a UTF-16 pair), which is not a character,
 * cannot be encoded as UTF-8, and shows as a replacement box or breaks a JSON
 * parser further down the line.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const forbiddenInText = /[\u0000\p{Cs}]/u;

/**
 * Why `text` cannot be sent, in words, or `undefined` when it can.
 *
 * A right-to-left override (U+202E) is allowed in text, because it has honest
 * uses in right-to-left languages; pages show user text in its own isolated
 * box (`<bdi>` or `dir="auto"`) so it cannot turn the line around it.
 *
 * @example
 * textProblem('a\u0000b'); // 'it holds U+0000, the NUL control character'
 * textProblem('hello'); // undefined
 */
export function textProblem(text: string): string | undefined {
  const found = forbiddenInText.exec(text);
  return found ? `it holds ${describeCodePoint(found[0])}` : undefined;
}

/**
 * `U+200B, an invisible formatting character (…)`: a code point and what kind
 * of character it is, for error messages.
 *
 * @example
 * describeCodePoint('\u202e'); // 'U+202E, an invisible formatting character (…)'
 */
export function describeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0) return `${hex}, the NUL control character`;
  if (/\p{Cc}/u.test(character)) return `${hex}, a control character`;
  if (/\p{Cf}/u.test(character)) {
    return `${hex}, an invisible formatting character (such as a zero-width space, a joiner or a direction override)`;
  }
  if (/\p{Co}/u.test(character)) {
    return `${hex}, a private-use character, which looks different on every computer`;
  }
  if (/\p{Cs}/u.test(character)) {
    return `${hex}, half of a surrogate pair, which is not a character on its own`;
  }
  if (/\p{Cn}/u.test(character)) return `${hex}, a code point Unicode has not assigned`;
  if (/[\p{Zl}\p{Zp}]/u.test(character)) return `${hex}, a line or paragraph separator`;
  return hex;
}
