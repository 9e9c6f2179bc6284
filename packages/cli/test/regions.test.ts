import { describe, expect, it } from 'vitest';
import { findRegions, replaceRegions, stepCode, stripMarkers } from '../src/exercises/regions.ts';
import { parseWrongAnswer } from '../src/exercises/wrong.ts';

const lines = (...text: string[]) => text.join('\n');

describe('replaceRegions', () => {
  it('replaces a region, markers included, by one TODO line with the same indentation', () => {
    const source = lines(
      'function send() {',
      '    // #region step-2: Broadcast the message to everyone',
      "    io.emit('new_message', message);",
      '    log(message);',
      '    // #endregion step-2',
      '}',
    );
    expect(replaceRegions(source, 'src/app.ts')).toEqual({
      text: lines(
        'function send() {',
        '    // TODO(step 2): Broadcast the message to everyone',
        '}',
      ),
      todos: [{ step: 2, title: 'Broadcast the message to everyone', line: 2 }],
    });
  });

  it('keeps code outside regions byte for byte and turns CRLF into LF', () => {
    const source = 'a();\r\n// #region step-1: Do it\r\nb();\r\n// #endregion step-1\r\nc();\r\n';
    expect(replaceRegions(source, 'x.ts').text).toBe('a();\n// TODO(step 1): Do it\nc();\n');
  });

  it('writes the TODO in the comment style of the marker: HTML and CSS too', () => {
    const html = lines(
      '  <!-- #region step-3: Add a list for the messages -->',
      '  <ul></ul>',
      '  <!-- #endregion step-3 -->',
    );
    const css = lines(
      '/* #region step-1: Make the list scroll */',
      'ul { overflow: auto; }',
      '/* #endregion step-1 */',
    );
    expect(replaceRegions(html, 'public/index.html').text).toBe(
      '  <!-- TODO(step 3): Add a list for the messages -->',
    );
    expect(replaceRegions(css, 'public/style.css').text).toBe(
      '/* TODO(step 1): Make the list scroll */',
    );
  });

  it('allows several regions of the same step', () => {
    const source = lines(
      '// #region step-1: A',
      'a();',
      '// #endregion step-1',
      '// #region step-1: B',
      'b();',
      '// #endregion step-1',
    );
    expect(replaceRegions(source, 'x.ts').todos.map((todo) => todo.title)).toEqual(['A', 'B']);
  });

  it('refuses a region nested in another, naming both lines', () => {
    const source = lines(
      '// #region step-1: Outer',
      '// #region step-2: Inner',
      '// #endregion step-2',
      '// #endregion step-1',
    );
    expect(() => replaceRegions(source, 'src/app.ts')).toThrow(
      'src/app.ts:2: step-2 region opens inside the step-1 region opened on line 1; regions cannot nest',
    );
  });

  it('refuses an #endregion for another step', () => {
    const source = lines('// #region step-1: A', 'a();', '// #endregion step-2');
    expect(() => replaceRegions(source, 'src/app.ts')).toThrow(
      'src/app.ts:3: #endregion step-2 closes the step-1 region opened on line 1',
    );
  });

  it('refuses a region that is never closed, naming where it opened', () => {
    expect(() =>
      replaceRegions(lines('x();', '  // #region step-1: A', 'a();'), 'src/app.ts'),
    ).toThrow('src/app.ts:2: the step-1 region is never closed');
  });

  it('refuses an #endregion with no #region', () => {
    expect(() => replaceRegions('// #endregion step-1', 'src/app.ts')).toThrow(
      'src/app.ts:1: #endregion step-1 has no matching #region step-1 above it',
    );
  });

  it('refuses a malformed marker rather than copying the solution into the starter', () => {
    expect(() => replaceRegions('// #region step-1 Broadcast', 'src/app.ts')).toThrow(
      'src/app.ts:1: malformed region marker "// #region step-1 Broadcast"',
    );
    expect(() => replaceRegions('<!-- #region step-1: A', 'index.html')).toThrow(
      'must end with "-->"',
    );
  });

  it('leaves ordinary #region folding markers alone', () => {
    const source = lines('// #region helpers', 'a();', '// #endregion');
    expect(replaceRegions(source, 'x.ts')).toEqual({ text: source, todos: [] });
  });
});

describe('replaceRegions with a fill', () => {
  it('puts the lines the fill gives in place of a region, and a TODO where it gives none', () => {
    const source = lines(
      '  // #region step-1: A',
      '  a();',
      '  // #endregion step-1',
      '  // #region step-2: B',
      '  b();',
      '  // #endregion step-2',
    );
    const filled = replaceRegions(source, 'x.ts', (region) =>
      region.step === 1 ? [...region.body, `${region.indent}extra();`] : undefined,
    );
    expect(filled.text).toBe(lines('  a();', '  extra();', '  // TODO(step 2): B'));
    expect(filled.todos.map((todo) => todo.step)).toEqual([1, 2]);
  });
});

describe('parseWrongAnswer', () => {
  it('reads the step from the name, the mistake from the heading and the code by file', () => {
    const answer = parseWrongAnswer(
      lines(
        '# Forgets to return',
        '',
        'Why it matters.',
        '',
        '```ts src/app.ts',
        'if (bad) {',
        '  reply();',
        '}',
        '```',
        '',
      ),
      'wrong/step-2-no-return.md',
    );
    expect(answer).toEqual({
      step: 2,
      slug: 'no-return',
      path: 'wrong/step-2-no-return.md',
      title: 'Forgets to return',
      code: new Map([['src/app.ts', ['if (bad) {', '  reply();', '}']]]),
    });
  });

  it('says what is missing: a step in the name, a heading, a file for the code', () => {
    expect(() => parseWrongAnswer('# X\n```ts a.ts\nx\n```', 'wrong/no-return.md')).toThrow(
      'wrong/no-return.md: a wrong answer is named step-<N>-<what-is-wrong>.md',
    );
    expect(() => parseWrongAnswer('```ts a.ts\nx\n```', 'wrong/step-1-x.md')).toThrow(
      'start with a "# heading"',
    );
    expect(() => parseWrongAnswer('# X\n```ts\nx\n```', 'wrong/step-1-x.md')).toThrow(
      'wrong/step-1-x.md:2: name the file whose region this code replaces',
    );
    expect(() => parseWrongAnswer('# X\n```ts a.ts\nx', 'wrong/step-1-x.md')).toThrow(
      'never closed',
    );
  });
});

describe('stripMarkers', () => {
  it('removes marker lines and keeps the code between them', () => {
    expect(
      stripMarkers(lines('a();', '  // #region step-1: A', '  b();', '  // #endregion step-1', '')),
    ).toBe(lines('a();', '  b();', ''));
  });
});

describe('findRegions', () => {
  it('gives each step region with its lines, markers and body', () => {
    const source = lines(
      'a();',
      '  <!-- #region step-2: Add the list -->',
      '  <ul></ul>',
      '  <!-- #endregion step-2 -->',
    );
    expect(findRegions(source, 'index.html')).toEqual([
      {
        step: 2,
        title: 'Add the list',
        line: 2,
        endLine: 4,
        indent: '  ',
        style: '<!--',
        body: ['  <ul></ul>'],
      },
    ]);
  });

  it('refuses the same bad markers as the generator', () => {
    expect(() => findRegions('// #region step-1 Broadcast', 'src/app.ts')).toThrow(
      'src/app.ts:1: malformed region marker',
    );
  });
});

describe('stepCode', () => {
  const source = lines(
    'io.on("connection", (socket) => {',
    '  // #region step-1: Send the history',
    "  socket.emit('message_history', { messages });",
    '  // #endregion step-1',
    '  socket.on("send_message", () => {',
    '    // #region step-2: Broadcast',
    '',
    "    io.emit('new_message', message);",
    '    // #endregion step-2',
    '  });',
    '  // #region step-2: And say so',
    '  log();',
    '  // #endregion step-2',
    '});',
  );

  it('gives the code of one step, dedented, without markers', () => {
    expect(stepCode(source, 'src/app.ts', 1)).toBe("socket.emit('message_history', { messages });");
  });

  it('joins several regions of one step with an ellipsis line', () => {
    expect(stepCode(source, 'src/app.ts', 2)).toBe(
      lines("  io.emit('new_message', message);", '…', 'log();'),
    );
  });

  it('names the steps a file has when asked for one it does not have', () => {
    expect(() => stepCode(source, 'src/app.ts', 9)).toThrow(
      'src/app.ts has no step-9 region; it has regions for step 1, 2.',
    );
  });
});
