/**
 * What the message box holds, once we have looked at it: a plain message, a
 * whisper (`/w nick text` or `/whisper nick text`), or a command typed wrong.
 */
export type Input =
  | { kind: 'message'; text: string }
  | { kind: 'whisper'; to: string; text: string }
  | { kind: 'error'; message: string };

/** The usage line shown when a whisper command is incomplete. */
export const WHISPER_USAGE = 'To whisper, type: /w nickname your message';

/**
 * Reads the message box. A pure function (text in, data out, no DOM, no socket),
 * so it is easy to test and to reuse.
 *
 * - `/w bob see you at 5` and `/whisper bob see you at 5` → a whisper to `bob`;
 * - `/w "Mary Ann" hi` → quotes for a nickname with spaces in it;
 * - anything else, including other `/words`, is an ordinary message.
 *
 * The server still checks everything: this only decides which event to send.
 */
export function parseInput(raw: string): Input {
  const text = raw.trim();
  // #region step-5: Recognise "/w nick text" and "/whisper nick text" as a whisper
  // `^\/(?:w|whisper)` the command, then `(?:\s+|$)` a space or the end, so that
  // `/wow` stays an ordinary message. The `i` flag accepts `/W` too.
  const command = /^\/(?:w|whisper)(?:\s+|$)/i.exec(text);
  if (command) {
    const rest = text.slice(command[0].length);
    // Either "a quoted name" or one word (not starting with a quote), then at
    // least one space, then the text (`[\s\S]` = any character, line breaks too).
    const parts = /^(?:"([^"]+)"|([^"\s]\S*))\s+([\s\S]+)$/.exec(rest);
    const to = (parts?.[1] ?? parts?.[2])?.trim();
    const whisper = parts?.[3]?.trim();
    if (!to || !whisper) return { kind: 'error', message: WHISPER_USAGE };
    return { kind: 'whisper', to, text: whisper };
  }
  // #endregion step-5
  return { kind: 'message', text };
}
