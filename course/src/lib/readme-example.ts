/**
 * Finds the fenced code block of a README whose first line is
 * `// example: <name>` and returns its code. The library's packaging test runs
 * these same blocks, so a lesson that shows them shows code known to work.
 *
 * @example
 * readmeExample(readme, 'server.ts'); // → "// example: server.ts\nimport …"
 */
export function readmeExample(markdown: string, name: string): string {
  const fence = /^```[a-z]*\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const code = match[1] ?? '';
    if (code.split('\n', 1)[0]?.trim() === `// example: ${name}`) return code.trimEnd();
  }
  throw new Error(`The README has no code block starting with "// example: ${name}".`);
}
