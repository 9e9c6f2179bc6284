// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createEventParser } from '../src/components/cells/check-client.ts';
import { runnerUrl } from '../src/components/cells/client-cell.ts';
import {
  formatValue,
  isRunnerMessage,
  isRunRequest,
  maxLogLength,
} from '../src/components/cells/runner/messages.ts';

describe("Check my work's event stream", () => {
  it('splits events as the text arrives, keeping an unfinished one for the next chunk', () => {
    const parser = createEventParser();
    expect(parser.push('event: plan\ndata: {"steps":[]}\n\nevent: st')).toEqual([
      { event: 'plan', data: '{"steps":[]}' },
    ]);
    expect(parser.push('ep\ndata: {"n":1}\r\n\r\n: a comment\n\n')).toEqual([
      { event: 'step', data: '{"n":1}' },
    ]);
  });
});

describe('a client cell', () => {
  it("addresses its runner to the lesson's demo as the pane called cell, keeping what the panes carry", () => {
    const url = runnerUrl('04-broadcast-chat', '/demos/04-broadcast-chat/?pane=alice&page=p1');
    expect(url).toBe('/cells/runner/?page=p1&demo=04-broadcast-chat&pane=cell');
    expect(runnerUrl('03-first-socket')).toBe('/cells/runner/?demo=03-first-socket&pane=cell');
  });

  it('prints values the way a console would, cut short when huge', () => {
    expect(formatValue('hi')).toBe('hi');
    expect(formatValue({ ok: true })).toBe('{"ok":true}');
    expect(formatValue(new TypeError('no'))).toBe('TypeError: no');
    expect(formatValue(undefined)).toBe('undefined');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('[object Object]');
    expect(formatValue('x'.repeat(maxLogLength + 10))).toHaveLength(maxLogLength + 1);
  });

  it('accepts only well-formed messages from the page and from the runner', () => {
    expect(isRunRequest({ kind: 'run', code: 'log(1)', ticket: 't' })).toBe(true);
    expect(isRunRequest({ kind: 'run', code: 42, ticket: 't' })).toBe(false);
    expect(isRunRequest({ kind: 'run', code: 'x'.repeat(20_001), ticket: 't' })).toBe(false);
    expect(isRunnerMessage({ kind: 'log', level: 'log', text: 'hi' })).toBe(true);
    expect(isRunnerMessage({ kind: 'log', level: 'html', text: '<b>' })).toBe(false);
    expect(isRunnerMessage('ready')).toBe(false);
  });
});
