import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_OFFSETS_MS } from './retry-schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const start = new Date('2026-11-21T00:00:00Z');

describe('the retry schedule', () => {
  it('is 1m, 5m, 30m, 2h, 5h, 10h, 24h, 48h, 72h after the first attempt: 10 attempts over 3 days', () => {
    expect(RETRY_OFFSETS_MS).toEqual([
      MIN,
      5 * MIN,
      30 * MIN,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      24 * HOUR,
      48 * HOUR,
      72 * HOUR,
    ]);
    expect(MAX_ATTEMPTS).toBe(10);
    const noJitter = () => 0;
    const times = RETRY_OFFSETS_MS.map(
      (_, i) => nextAttemptAt(start, i + 1, start, noJitter)!.getTime() - start.getTime(),
    );
    expect(times).toEqual([...RETRY_OFFSETS_MS]);
    expect(nextAttemptAt(start, 10, start)).toBeNull();
  });

  it('adds up to a tenth of the gap as jitter, and never schedules in the past', () => {
    const max = () => 0.999999;
    expect(nextAttemptAt(start, 1, start, max)!.getTime() - start.getTime()).toBeLessThanOrEqual(MIN + 6_000);
    expect(nextAttemptAt(start, 9, start, max)!.getTime() - start.getTime()).toBeLessThanOrEqual(
      72 * HOUR + 2.4 * HOUR,
    );
    const late = new Date(start.getTime() + 3 * HOUR);
    expect(nextAttemptAt(start, 2, late, () => 0)).toEqual(late);
  });
});
