import { describe, expect, it } from 'vitest';
import { extractLines, extractRegion, selectCode, stripRegionMarkers } from '../src/lib/regions.ts';

const source = [
  "import express from 'express';",
  '',
  'io.on("connection", (socket) => {',
  '  // #region step-1: Send the history to whoever connects',
  "  socket.emit('message_history', { messages });",
  '  // #endregion step-1',
  "  socket.on('send_message', (payload) => {",
  '    // #region step-2: Broadcast each new message',
  "    io.emit('new_message', message);",
  '    // #endregion step-2',
  '  });',
  '});',
  '',
].join('\n');

describe('region markers', () => {
  it('never shows a marker line of the whole file', () => {
    const shown = stripRegionMarkers(source);
    expect(shown).not.toContain('#region');
    expect(shown).not.toContain('#endregion');
    expect(shown).toContain("io.emit('new_message', message);");
  });

  it('shows only the lines of one region, dedented', () => {
    expect(extractRegion(source, 'step-2')).toBe("io.emit('new_message', message);");
  });

  it('does not stop at the end of a region whose name starts the same', () => {
    const nested = '// #region step-1: a\nx\n// #endregion step-10\ny\n// #endregion step-1\n';
    expect(extractRegion(nested, 'step-1')).toBe('x\ny');
  });

  it('names the regions a file has when asked for a missing one', () => {
    expect(() => extractRegion(source, 'step-9')).toThrow(/"step-1", "step-2"/);
  });

  it('shows a range of lines without markers', () => {
    expect(extractLines(source, '4-6')).toBe("socket.emit('message_history', { messages });");
    expect(() => extractLines(source, 'ten')).toThrow(/10-40/);
  });

  it('shows the whole file without markers when neither region nor lines is given', () => {
    const shown = selectCode(source, {});
    expect(shown.split('\n')).toHaveLength(source.split('\n').length - 4 - 1);
  });
});
