import { describe, expect, it } from 'vitest';
import { ruleFor, stepOfTest } from '../src/exercises/file-rules.ts';
import { parseHints } from '../src/exercises/hints.ts';
import { exercisePackageJson } from '../src/exercises/package-json.ts';
import { formatFailure } from '../src/learner/failure.ts';
import { colors } from '../src/util/colors.ts';
import { progressBar } from '../src/util/progress-bar.ts';
import { table } from '../src/util/table.ts';

describe('ruleFor', () => {
  it('copies step tests and test helpers, and leaves out other tests, browser tests and the README', () => {
    expect(ruleFor('test/step-2-broadcast.test.ts').kind).toBe('copy');
    expect(ruleFor('test/step-3-render.dom.test.ts').kind).toBe('copy');
    expect(ruleFor('test/helpers.ts').kind).toBe('copy');
    expect(ruleFor('test/chat.test.ts')).toEqual({ kind: 'skip', why: 'not a step test' });
    expect(ruleFor('test/chat.dom.test.ts').kind).toBe('skip');
    expect(ruleFor('test/chat.e2e.test.ts').kind).toBe('skip');
    expect(ruleFor('README.md').kind).toBe('skip');
  });

  it('lays the exercise folder over the top of the exercise', () => {
    expect(ruleFor('exercise/hints.md')).toEqual({ kind: 'overlay', to: 'hints.md', text: true });
  });

  it('reads the step of a step test', () => {
    expect(stepOfTest('test/step-4-typing-expiry.test.ts')).toBe(4);
    expect(stepOfTest('test/nested/step-4-x.test.ts')).toBeUndefined();
  });
});

describe('parseHints', () => {
  it('reads steps and their hints in order, ignoring the introduction', () => {
    const markdown =
      '# Hints\nIntro.\n## Step 1: Trim\nabout\n### Hint 1\nGentle.\n\n### Hint 2\nExplicit:\n\n    code\n## Step 2: Refuse\n### Hint 1\nOnly.\n';
    expect(parseHints(markdown)).toEqual([
      { step: 1, title: 'Trim', hints: ['Gentle.', 'Explicit:\n\n    code'] },
      { step: 2, title: 'Refuse', hints: ['Only.'] },
    ]);
  });
});

describe('exercisePackageJson', () => {
  it('renames the package and drops the typecheck script', () => {
    const source = JSON.stringify({
      name: '@funws/solution-04-chat',
      scripts: { test: 'vitest run', typecheck: 'tsc' },
    });
    expect(JSON.parse(exercisePackageJson(source, 'package.json'))).toEqual({
      name: '@funws/exercise-04-chat',
      scripts: { test: 'vitest run' },
    });
  });
});

describe('output helpers', () => {
  it('colours only at a terminal without NO_COLOR', () => {
    expect(colors({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(colors({ isTTY: false }, {}).red('x')).toBe('x');
    expect(colors({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
  });

  it('draws a progress bar with a percentage', () => {
    expect(progressBar(1, 4, 8)).toBe('[██░░░░░░]  25%');
    expect(progressBar(0, 0, 4)).toBe('[░░░░]   0%');
  });

  it('lines a table up in columns under an underlined header', () => {
    expect(
      table([
        ['a', 'bb'],
        ['ccc', 'd'],
      ]),
    ).toBe('a    bb\n---  --\nccc  d');
  });
});

describe('formatFailure', () => {
  // The shape of 07 step 2's failure: a long object in which one field differs.
  const diff = [
    '- Expected',
    '+ Received',
    '',
    '  Array [',
    '    Object {',
    '      "count": 1,',
    '      "emoji": "🎉",',
    '-     "mine": true,',
    '+     "mine": false,',
    '    },',
    ...Array.from({ length: 30 }, (_, index) => `    "unchanged ${index}",`),
    '  ]',
  ].join('\n');
  const outcome = {
    file: 'test/step-2-toggle-reactions.test.ts',
    passed: false,
    message: '',
    tests: [
      {
        name: 'step 2 > marks it as mine',
        passed: false,
        failureMessages: ['AssertionError: Bob reacted'],
        failures: [
          {
            message: 'AssertionError: Bob reacted: count 1, and it is his',
            diff,
            frames: [
              '/repo/exercises/07/test/step-2-toggle-reactions.test.ts:52:24',
              '/repo/node_modules/vitest/dist/index.js:1:1',
            ],
          },
        ],
      },
    ],
  };

  it('shows the lines of the diff that differ, with their context, and the learner’s frames', () => {
    const text = formatFailure(outcome, '/repo/exercises/07');
    expect(text).toContain('✗ step 2 > marks it as mine');
    expect(text).toContain('-     "mine": true,');
    expect(text).toContain('+     "mine": false,');
    expect(text).toContain('"emoji": "🎉",');
    expect(text).toContain('at test/step-2-toggle-reactions.test.ts:52:24');
    expect(text).not.toContain('node_modules');
    expect(text).not.toContain('"unchanged 20"');
  });
});
