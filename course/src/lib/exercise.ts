import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDemoName, repoRoot } from './paths.ts';

/** The hints of one step, from gentle to explicit. */
export interface StepHints {
  step: number;
  title: string;
  hints: string[];
}

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

const stepHeading = /^##\s+Step\s+(\d+)\s*:\s*(.*?)\s*$/i;
const hintHeading = /^###\s+Hint\b/i;

/**
 * Parses a `hints.md`: `## Step N: title`, then `### Hint 1`, `### Hint 2`…
 * (the same format the funws CLI reads).
 */
export function parseHints(markdown: string): StepHints[] {
  const steps: StepHints[] = [];
  let hint: string[] | undefined;
  const flush = () => {
    const current = steps.at(-1);
    if (current && hint) {
      const text = hint.join('\n').trim();
      if (text) current.hints.push(text);
    }
    hint = undefined;
  };
  for (const line of markdown.split(/\r?\n/)) {
    const step = stepHeading.exec(line);
    if (step) {
      flush();
      steps.push({ step: Number(step[1]), title: step[2] ?? '', hints: [] });
    } else if (hintHeading.test(line) && steps.length) {
      flush();
      hint = [];
    } else if (hint && /^#{1,2}\s/.test(line)) {
      flush();
    } else {
      hint?.push(line);
    }
  }
  flush();
  return steps;
}

/** `step-2-post-redirect-get.test.ts` → `{ step: 2, title: 'Post redirect get' }`. */
export function stepFromTestFile(name: string): { step: number; title: string } | undefined {
  const match = /^step-(\d+)-(.+?)(?:\.dom)?\.test\.ts$/.exec(name);
  if (!match) return undefined;
  const words = (match[2] ?? '').replace(/-/g, ' ');
  return { step: Number(match[1]), title: words.charAt(0).toUpperCase() + words.slice(1) };
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
 * Everything the Exercise cell shows, read from `exercises/<demo>/` when it
 * exists, else from the solution (its step tests and `exercise/hints.md`), so
 * the page still lists the steps while the exercise is being generated.
 * Never throws for a missing folder or file.
 */
export function readExercise(demo: string, root = repoRoot()): ExerciseInfo {
  checkDemoName(demo);
  const exerciseDir = join(root, 'exercises', demo);
  const solutionDir = join(root, 'solutions', demo);
  const exists = existsSync(join(exerciseDir, 'package.json'));
  const source = exists ? exerciseDir : solutionDir;

  const readme =
    readText(join(source, 'README.md')) || readText(join(solutionDir, 'exercise', 'README.md'));
  const hintsText =
    readText(join(source, 'hints.md')) || readText(join(solutionDir, 'exercise', 'hints.md'));
  const hints = new Map(parseHints(hintsText).map((entry) => [entry.step, entry]));

  const testDir = join(source, 'test');
  const testFiles = existsSync(testDir) ? readdirSync(testDir).sort() : [];
  const steps: ExerciseStep[] = [];
  for (const file of testFiles) {
    const parsed = stepFromTestFile(file);
    if (!parsed) continue;
    const fromHints = hints.get(parsed.step);
    steps.push({
      step: parsed.step,
      title: fromHints?.title || parsed.title,
      test: `test/${file}`,
      goal: goalOf(readText(join(testDir, file))),
      hints: fromHints?.hints ?? [],
    });
  }
  steps.sort((a, b) => a.step - b.step);
  return { demo, exists, folder: `exercises/${demo}`, intro: firstParagraph(readme), steps };
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
