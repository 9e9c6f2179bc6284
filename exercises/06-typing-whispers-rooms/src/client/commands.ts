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
  // TODO(step 5): Recognise "/w nick text" and "/whisper nick text" as a whisper
  return { kind: 'message', text };
}
