import { readFile } from 'node:fs/promises';

/**
 * The README's code blocks that start with `// example: <file>`, by file name.
 * The packaging test runs exactly these, so the README cannot drift from what works.
 */
export async function readmeExamples(readmePath: string): Promise<Map<string, string>> {
  const readme = await readFile(readmePath, 'utf8');
  const examples = new Map<string, string>();
  for (const match of readme.matchAll(/```ts\n\/\/ example: (\S+)\n([\s\S]*?)```/g)) {
    const [, file, code] = match;
    if (file && code !== undefined) examples.set(file, code);
  }
  return examples;
}
