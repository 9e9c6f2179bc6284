import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/lib/paths.ts';
import { readmeExample } from '../src/lib/readme-example.ts';

describe('readmeExample', () => {
  const markdown = [
    '# Title',
    '```ts',
    '// example: server.ts',
    'serve();',
    '```',
    'Prose.',
    '```ts',
    'unrelated();',
    '```',
  ].join('\n');

  it('returns the block that starts with its example comment', () => {
    expect(readmeExample(markdown, 'server.ts')).toBe('// example: server.ts\nserve();');
  });

  it('names the missing example instead of showing nothing', () => {
    expect(() => readmeExample(markdown, 'client.ts')).toThrow(
      'The README has no code block starting with "// example: client.ts".',
    );
  });

  it('finds both examples the library lesson shows in the real README', () => {
    const readme = readFileSync(`${repoRoot()}/packages/chat/README.md`, 'utf8');
    expect(readmeExample(readme, 'server.ts')).toContain('createChatServer');
    expect(readmeExample(readme, 'client.ts')).toContain('new ChatClient');
  });
});
