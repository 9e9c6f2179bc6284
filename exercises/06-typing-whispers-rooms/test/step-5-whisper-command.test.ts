// Goal: the message box understands `/w nick text` and `/whisper nick text`.
// `parseInput` (src/client/commands.ts) turns them into a whisper for `nick`,
// so the page sends `send_whisper` instead of `send_message`. Anything else is
// an ordinary message.
import { describe, expect, it } from 'vitest';
import { parseInput, WHISPER_USAGE } from '../src/client/commands.ts';

const where = 'in src/client/commands.ts, parseInput (step 5)';

describe('step 5: turn /w and /whisper into a whisper', () => {
  it('reads "/w nick text" and "/whisper nick text" as a whisper', () => {
    expect(parseInput('/w bob see you at 5'), `${where}: "/w bob see you at 5"`).toEqual({
      kind: 'whisper',
      to: 'bob',
      text: 'see you at 5',
    });
    expect(parseInput('/whisper alice hi'), `${where}: "/whisper alice hi"`).toEqual({
      kind: 'whisper',
      to: 'alice',
      text: 'hi',
    });
  });

  it('asks for a nickname and a text when one is missing', () => {
    expect(parseInput('/w bob'), `${where}: "/w bob" has no text`).toEqual({
      kind: 'error',
      message: WHISPER_USAGE,
    });
  });

  it('leaves ordinary messages alone', () => {
    expect(parseInput('hello /w bob'), where).toEqual({ kind: 'message', text: 'hello /w bob' });
  });
});
