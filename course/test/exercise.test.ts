import { describe, expect, it } from 'vitest';
import { firstParagraph, goalOf, readExerciseCell } from '../src/lib/exercise.ts';
import { miniMarkdown } from '../src/lib/mini-markdown.ts';

describe('the Exercise cell', () => {
  it("reads the steps, titles and hints of a real exercise with the CLI's reader", () => {
    const info = readExerciseCell('04-broadcast-chat');
    expect(info.exists).toBe(true);
    expect(info.steps.map((step) => step.step)).toEqual([1, 2, 3, 4, 5]);
    for (const step of info.steps) {
      expect(step.test).toMatch(new RegExp(`^test/step-${step.step}-.+\\.test\\.ts$`));
      expect(step.goal, `the Goal of ${step.test}`).not.toBe('');
      expect(step.hints.length, `hints of step ${step.step}`).toBeGreaterThan(0);
    }
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
    const info = readExerciseCell('99-nothing');
    expect(info).toMatchObject({ exists: false, steps: [], folder: 'exercises/99-nothing' });
  });

  it('refuses a demo name that could leave the folder', () => {
    expect(() => readExerciseCell('../etc')).toThrow(/looks like/);
  });

  it('escapes HTML in hints before adding its own markup', () => {
    expect(miniMarkdown('Use `<b>` and **bold**; <img src=x onerror=alert(1)>')).toBe(
      '<p>Use <code>&lt;b&gt;</code> and <strong>bold</strong>; &lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(miniMarkdown('[x](javascript:alert(1))')).not.toContain('href');
  });
});
