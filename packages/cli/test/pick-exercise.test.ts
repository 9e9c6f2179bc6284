import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Context, pickExercise } from '../src/commands/context.ts';
import { colors } from '../src/util/colors.ts';

// Which exercise `funws hint` (and test, diff, reset, watch) is about when the
// learner names none: the one they are standing in, on the repository's own exercises.

const root = resolve(import.meta.dirname, '../../..');

function contextIn(cwd: string | undefined): Context {
  return {
    root,
    c: colors({ isTTY: false }),
    out: () => {},
    args: [],
    step: undefined,
    force: false,
    courseUrl: 'http://localhost:4321',
    ...(cwd === undefined ? {} : { cwd }),
  };
}

describe('pickExercise without a name', () => {
  it('is the exercise whose folder the command runs in, or a folder inside it', () => {
    const folder = join(root, 'exercises', '04-broadcast-chat');
    expect(pickExercise(contextIn(folder), undefined).name).toBe('04-broadcast-chat');
    expect(pickExercise(contextIn(join(folder, 'src')), undefined).name).toBe('04-broadcast-chat');
  });

  it('is not an exercise the command merely runs beside', () => {
    const elsewhere = pickExercise(
      contextIn(join(root, 'solutions', '04-broadcast-chat')),
      undefined,
    );
    const atRoot = pickExercise(contextIn(root), undefined);
    expect(elsewhere.name).toBe(atRoot.name);
  });

  it('still follows a name given, wherever it runs', () => {
    const folder = join(root, 'exercises', '04-broadcast-chat');
    expect(pickExercise(contextIn(folder), '06').name).toBe('06-typing-whispers-rooms');
  });
});
