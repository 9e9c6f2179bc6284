/**
 * What the Exercise cell shows: the steps and hints of `exercises/<demo>/`,
 * read by the funws CLI's own reader (`@funws/cli/learner`, the one parser of
 * `hints.md` and of step test names), plus each step's `// Goal:` comment and
 * the README's introduction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExercise } from '@funws/cli/learner';
import { checkDemoName, repoRoot } from './paths.ts';

/** One step of an exercise, as the Exercise cell shows it. */
export interface ExerciseStep {
  step: number;
  title: string;
  /** The test file that checks it, relative to the exercise folder. */
  test: string;
  /** The `// Goal:` comment at the top of the test, if any. */
  goal: string;
  hints: string[];
}

export interface ExerciseInfo {
  demo: string;
  /** False while the exercise has not been generated yet. */
  exists: boolean;
  /** The folder, relative to the repository root. */
  folder: string;
  /** The README's first paragraph after its title. */
  intro: string;
  steps: ExerciseStep[];
}

/** The `// Goal: …` comment block at the top of a test file, as one paragraph. */
export function goalOf(source: string): string {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => /^\s*\/\/\s*Goal:/i.test(line));
  if (start === -1) return '';
  const goal: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^\s*\/\//.test(line)) break;
    goal.push(line.replace(/^\s*\/\/\s?/, '').replace(/^Goal:\s*/i, ''));
  }
  return goal.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Everything the Exercise cell shows of `exercises/<demo>/`. Never throws for
 * a missing folder or file: an exercise not generated yet has no steps.
 */
export function readExerciseCell(demo: string, root = repoRoot()): ExerciseInfo {
  checkDemoName(demo);
  const exercise = readExercise(root, demo);
  const exists = existsSync(join(exercise.dir, 'package.json'));
  const steps = exercise.steps.map((step) => ({
    step: step.n,
    title: step.title.charAt(0).toUpperCase() + step.title.slice(1),
    test: step.test,
    goal: goalOf(readText(join(exercise.dir, step.test))),
    hints: exercise.hints.get(step.n) ?? [],
  }));
  return {
    demo,
    exists,
    folder: `exercises/${demo}`,
    intro: firstParagraph(readText(join(exercise.dir, 'README.md'))),
    steps,
  };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The first paragraph of prose after the title of a README. */
export function firstParagraph(markdown: string): string {
  const paragraphs = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (!text || /^(#|```|\||-|\*|>|<)/.test(text)) continue;
    return text.replace(/\s+/g, ' ');
  }
  return '';
}
