// @vitest-environment happy-dom
// The browser code of demo 2: server-written UTC times shown in local time.
import { describe, expect, it } from 'vitest';
import { localizeTimes } from '../src/client/time.ts';

describe('localizeTimes', () => {
  it('rewrites each <time datetime> in the local time of the browser', () => {
    document.body.innerHTML =
      '<time datetime="2025-01-31T14:03:00.000Z">14:03 UTC</time><time datetime="2025-01-31T09:00:00.000Z">09:00 UTC</time>';
    expect(localizeTimes(document)).toBe(2);
    const [first] = document.querySelectorAll('time');
    expect(first?.textContent).toBe(new Date('2025-01-31T14:03:00.000Z').toLocaleTimeString());
    expect(first?.getAttribute('datetime')).toBe('2025-01-31T14:03:00.000Z');
  });

  it('leaves a time it cannot read alone', () => {
    document.body.innerHTML = '<time datetime="not a date">whenever</time>';
    expect(localizeTimes(document)).toBe(0);
    expect(document.querySelector('time')?.textContent).toBe('whenever');
  });
});
