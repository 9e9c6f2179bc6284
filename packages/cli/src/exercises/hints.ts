/** The hints of one step, from gentle to explicit. */
export interface StepHints {
  step: number;
  title: string;
  hints: string[];
}

const STEP_HEADING = /^##\s+Step\s+(\d+)\s*:\s*(.*?)\s*$/i;
const HINT_HEADING = /^###\s+Hint\b/i;

/**
 * Parses an exercise's `hints.md`: `## Step N: title`, then `### Hint 1`,
 * `### Hint 2`… each followed by its text. Text before the first step is an
 * introduction and is ignored; so is text between a step heading and its first hint.
 *
 * @example
 * parseHints('## Step 1: Trim\n### Hint 1\nLook at String methods.\n');
 * // → [{ step: 1, title: 'Trim', hints: ['Look at String methods.'] }]
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
    const step = STEP_HEADING.exec(line);
    if (step) {
      flush();
      steps.push({ step: Number(step[1]), title: step[2] ?? '', hints: [] });
    } else if (HINT_HEADING.test(line) && steps.length) {
      flush();
      hint = [];
    } else if (hint && /^#{1,2}\s/.test(line)) {
      // A new top-level section ends the hint.
      flush();
    } else {
      hint?.push(line);
    }
  }
  flush();
  return steps;
}
