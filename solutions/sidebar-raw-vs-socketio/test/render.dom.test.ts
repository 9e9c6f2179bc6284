// @vitest-environment happy-dom
// Rendering the wire logs and the connection status: text only, never HTML.
import { beforeEach, describe, expect, it } from 'vitest';
import { appendLogLine, MAX_LOG_LINES, showStatus } from '../src/client/render.ts';

let log: HTMLOListElement;
beforeEach(() => {
  document.body.replaceChildren();
  log = document.createElement('ol');
  document.body.append(log);
});

describe('appendLogLine', () => {
  it('shows a received frame as literal text, creating no element from it', () => {
    const frame = '{"type":"echo","original_message":"<img src=x onerror=alert(1)>"}';
    const line = appendLogLine(log, { direction: 'received', text: frame });
    expect(line.querySelector('code')?.textContent).toBe(frame);
    expect(log.querySelector('img')).toBeNull();
    expect(line.dataset.direction).toBe('received');
  });

  it('shows the detail as text too', () => {
    const line = appendLogLine(log, { direction: 'sent', text: '2', detail: '<b>ping</b>' });
    expect(line.querySelector('.detail')?.textContent).toBe('<b>ping</b>');
    expect(log.querySelector('b')).toBeNull();
  });

  it('stamps each line with the local time and the ISO time in <time datetime>', () => {
    const at = new Date('2025-01-31T14:03:00.000Z');
    const line = appendLogLine(log, { direction: 'note', text: 'hello', at });
    const time = line.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2025-01-31T14:03:00.000Z');
    expect(time?.textContent).toBe(at.toLocaleTimeString());
  });

  it(`keeps at most ${MAX_LOG_LINES} lines, dropping the oldest`, () => {
    for (let i = 0; i < MAX_LOG_LINES + 3; i += 1)
      appendLogLine(log, { direction: 'note', text: `line ${i}` });
    expect(log.children).toHaveLength(MAX_LOG_LINES);
    expect(log.firstElementChild?.textContent).toContain('line 3');
  });
});

describe('showStatus', () => {
  it('shows the state in words and in data-state', () => {
    const status = document.createElement('p');
    showStatus(status, 'closed', 'Closed <now>');
    expect(status.textContent).toBe('Closed <now>');
    expect(status.dataset.state).toBe('closed');
    expect(status.children).toHaveLength(0);
  });
});
