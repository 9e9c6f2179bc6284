import { describe, expect, it } from 'vitest';
import {
  firstParagraph,
  goalOf,
  parseHints,
  readExercise,
  stepFromTestFile,
} from '../src/lib/exercise.ts';
import { miniMarkdown } from '../src/lib/mini-markdown.ts';

describe('the Exercise cell', () => {
  it('parses hints.md into steps and hints', () => {
    const hints = parseHints(
      '# Hints\n\n## Step 1: Trim\n### Hint 1\nLook at `String`.\n### Hint 2\nUse trim().\n## Step 2: Send\n### Hint 1\nemit.\n',
    );
    expect(hints).toEqual([
      { step: 1, title: 'Trim', hints: ['Look at `String`.', 'Use trim().'] },
      { step: 2, title: 'Send', hints: ['emit.'] },
    ]);
  });

  it('names a step after its test file', () => {
    expect(stepFromTestFile('step-2-post-redirect-get.test.ts')).toEqual({
      step: 2,
      title: 'Post redirect get',
    });
    expect(stepFromTestFile('step-5-render-message.dom.test.ts')).toEqual({
      step: 5,
      title: 'Render message',
    });
    expect(stepFromTestFile('chat.test.ts')).toBeUndefined();
  });

  it("reads a test's Goal comment", () => {
    expect(goalOf("// Goal: greet\n// whoever connects.\nimport x from 'y';")).toBe(
      'greet whoever connects.',
    );
    expect(goalOf('import x;')).toBe('');
  });

  it("takes a README's first paragraph of prose", () => {
    expect(firstParagraph('# Title\n\nThe goal is here.\nStill.\n\n## More')).toBe(
      'The goal is here. Still.',
    );
  });

  it('never crashes for a demo that has no exercise or solution', () => {
    const info = readExercise('99-nothing');
    expect(info).toMatchObject({ exists: false, steps: [], folder: 'exercises/99-nothing' });
  });

  it('refuses a demo name that could leave the folder', () => {
    expect(() => readExercise('../etc')).toThrow(/looks like/);
  });

  it('escapes HTML in hints before adding its own markup', () => {
    expect(miniMarkdown('Use `<b>` and **bold**; <img src=x onerror=alert(1)>')).toBe(
      '<p>Use <code>&lt;b&gt;</code> and <strong>bold</strong>; &lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(miniMarkdown('[x](javascript:alert(1))')).not.toContain('href');
  });
});
