import { describe, expect, it } from 'vitest';
import { secondsBlocked } from './attempt-limits';

describe('secondsBlocked (sliding window of 900 s, limit 5)', () => {
  it('is 0 under the limit', () => {
    expect(secondsBlocked(0, 4, 5, 900, 10)).toBe(0);
    expect(secondsBlocked(4, 0, 5, 900, 10)).toBe(0);
  });

  it('with the failures in the current window: the rest of it, then until they have faded below the limit', () => {
    // 5 failures now, 100 s into the window: 800 s to its end, then 900 × (1 − 5/5) = 0 s more.
    expect(secondsBlocked(0, 5, 5, 900, 100)).toBe(801);
    // 10 failures: half of the next window too.
    expect(secondsBlocked(0, 10, 5, 900, 100)).toBe(800 + 450 + 1);
  });

  it('with the failures in the previous window: until its weight has dropped enough', () => {
    // 5 previous, 0 current, at 0 s: weighted 5; below 5 as soon as any time passes.
    expect(secondsBlocked(5, 0, 5, 900, 0)).toBe(1);
    // 10 previous at 0 s: weighted 10 → needs (900 − t)/900 × 10 < 5 → t > 450.
    expect(secondsBlocked(10, 0, 5, 900, 0)).toBe(451);
  });

  it('the answer is really enough: the weighted count is under the limit after waiting', () => {
    for (const [prev, cur, elapsed] of [
      [10, 0, 0],
      [7, 3, 200],
      [0, 9, 899],
      [20, 4, 10],
    ] as const) {
      const wait = secondsBlocked(prev, cur, 5, 900, elapsed);
      const t = elapsed + wait;
      const weighted = t < 900 ? (prev * (900 - t)) / 900 + cur : (cur * (1800 - t)) / 900;
      expect(weighted, `${prev}/${cur}@${elapsed}`).toBeLessThan(5);
    }
  });
});
