import { confusableSkeleton } from './confusables.ts';
import { describeCodePoint } from './text-rules.ts';

/**
 * Characters a nickname may not hold: controls (Cc), invisible formatting
 * characters (Cf: zero-width spaces and joiners, direction overrides), private-use
 * characters (Co), unpaired surrogates (Cs), unassigned code points (Cn), and line
 * or paragraph separators. Each can make two different names look the same, or
 * make a name look like something it is not.
 */
const forbiddenInNickname = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/u;

/**
 * A nickname as the server keeps it: NFKC-normalised (so `ｂｏｂ` becomes `bob`
 * and `ﬁ` becomes `fi`), trimmed, and with each run of spaces made one space.
 *
 * @example
 * normalizeNickname('  ＢＯＢ   the  builder ') === 'BOB the builder'; // true
 */
export function normalizeNickname(nickname: string): string {
  return nickname
    .normalize('NFKC')
    .trim()
    .replace(/\p{Zs}+/gu, ' ');
}

/**
 * Why a nickname cannot be used, in words (e.g. `it holds U+200B, an invisible
 * formatting character`), or `undefined` when every character is allowed.
 * Length is not checked here: callers have their own limit.
 *
 * @example
 * nicknameProblem('b\u200bob'); // 'it holds U+200B, an invisible formatting character …'
 * nicknameProblem('bob'); // undefined
 */
export function nicknameProblem(nickname: string): string | undefined {
  const found = forbiddenInNickname.exec(nickname);
  if (!found) return undefined;
  return `it holds ${describeCodePoint(found[0])}; a nickname may hold letters, digits, punctuation, symbols and spaces`;
}

/**
 * The key two nicknames clash on: they clash when they would look the same on
 * screen, whatever their case. It is the confusable skeleton (Unicode TS #39)
 * of the lower-cased NFKC form, lower-cased and skeletonised once more because
 * a prototype may be a capital (`0` → `O`). `bob`, `Bob`, `ｂｏｂ`, `b0b` and
 * `bоb` (with a Cyrillic `о`) all have the key of `bob`; `rn` meets `m`.
 *
 * A skeleton alone is case-sensitive, and lower-casing first is what makes
 * `Alice` meet `alice`; the price is that capital `I` is compared as `i`, so
 * `Il` and `ll` stay apart.
 *
 * @example
 * nicknameKey('bоb') === nicknameKey('bob'); // true: the 'о' is Cyrillic
 * nicknameKey('ALICE') === nicknameKey('alice'); // true
 * nicknameKey('alice') === nicknameKey('bob'); // false
 */
export function nicknameKey(nickname: string): string {
  const folded = normalizeNickname(nickname).toLowerCase();
  return confusableSkeleton(confusableSkeleton(folded).toLowerCase());
}
