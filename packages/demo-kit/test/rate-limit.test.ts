import { describe, expect, it } from 'vitest';
import { limitRate } from '../src/index.ts';

describe('limitRate', () => {
  it('lets a burst through, then refuses through the ack, then refills with time', () => {
    let time = 0;
    const limit = limitRate({ burst: 3, perSecond: 2 }, () => time);
    const passed: string[] = [];
    const answers: unknown[] = [];
    const send = (n: number) =>
      limit([`event-${n}`, { text: 'hi' }, (answer: unknown) => answers.push(answer)], () =>
        passed.push(`event-${n}`),
      );

    for (let n = 1; n <= 5; n++) send(n);
    expect(passed).toEqual(['event-1', 'event-2', 'event-3']);
    expect(answers).toEqual([
      {
        ok: false,
        error: { code: 'rate_limited', message: expect.stringContaining('2 per second') },
      },
      {
        ok: false,
        error: { code: 'rate_limited', message: expect.stringContaining('2 per second') },
      },
    ]);

    time += 500; // half a second at 2 per second: one token back
    send(6);
    send(7);
    expect(passed).toEqual(['event-1', 'event-2', 'event-3', 'event-6']);
  });

  it('drops a refused event that has no ack, without throwing', () => {
    const limit = limitRate({ burst: 0, perSecond: 0 }, () => 0);
    let handled = false;
    expect(() =>
      limit(['typing_start'], () => {
        handled = true;
      }),
    ).not.toThrow();
    expect(handled).toBe(false);
  });
});
