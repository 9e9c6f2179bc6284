import { describe, expect, it } from 'vitest';
import { selectWindow, starterView } from '../src/lib/code-view.ts';

const source = [
  "import express from 'express';",
  '',
  'io.on("connection", (socket) => {',
  '  // #region step-1: Send the history to whoever connects',
  "  socket.emit('message_history', { messages });",
  '  // #endregion step-1',
  "  socket.on('send_message', (payload) => {",
  '    const text = readString(payload);',
  '    // #region step-2: Broadcast each new message',
  "    io.emit('new_message', message);",
  '    // #endregion step-2',
  '  });',
  '});',
  '',
].join('\n');

describe('what a code cell shows', () => {
  it('shows a file as the exercise starts: TODO lines where the answers were', () => {
    const shown = starterView(source, 'src/app.ts');
    expect(shown).toContain('  // TODO(step 1): Send the history to whoever connects');
    expect(shown).toContain('    // TODO(step 2): Broadcast each new message');
    expect(shown).not.toContain('#region');
    expect(shown).not.toContain("io.emit('new_message'");
    expect(shown).not.toContain("socket.emit('message_history'");
  });

  it('shows the block a line opens, dedented, when given only where to start', () => {
    const shown = selectWindow(starterView(source, 'src/app.ts'), {
      from: "socket.on('send_message'",
    });
    expect(shown).toBe(
      [
        "socket.on('send_message', (payload) => {",
        '  const text = readString(payload);',
        '  // TODO(step 2): Broadcast each new message',
        '});',
      ].join('\n'),
    );
  });

  it('shows the lines from one anchor to another', () => {
    expect(selectWindow(source, { from: 'const text', to: 'io.emit' })).toBe(
      [
        'const text = readString(payload);',
        '// #region step-2: Broadcast each new message',
        "io.emit('new_message', message);",
      ].join('\n'),
    );
  });

  it('shows one line when the line opens no block', () => {
    expect(selectWindow(source, { from: 'import express' })).toBe("import express from 'express';");
  });

  it('names the anchor that no line contains', () => {
    expect(() => selectWindow(source, { from: 'nowhere' })).toThrow('No line contains "nowhere".');
    expect(() => selectWindow(source, { from: 'import', to: 'nowhere' })).toThrow(
      'No line from "import" on contains "nowhere".',
    );
  });

  it('shows the whole text, blank ends trimmed, without a window', () => {
    expect(selectWindow('\n\na\nb\n\n')).toBe('a\nb');
  });
});
