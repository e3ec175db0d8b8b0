import { describe, expect, it } from 'vitest';
import { expiredFrom, expiryProblem, isExpired, lastValidDay, normalizeExpYear } from './expiry';

const at = (iso: string) => new Date(iso);

describe('card expiry (end of the expiry month, UTC)', () => {
  it('a card is valid through the last instant of its month', () => {
    expect(isExpired(2, 2028, at('2028-02-29T23:59:59.999Z'))).toBe(false);
    expect(isExpired(2, 2028, at('2028-03-01T00:00:00.000Z'))).toBe(true);
    expect(isExpired(12, 2027, at('2027-12-31T23:59:59Z'))).toBe(false);
    expect(isExpired(12, 2027, at('2028-01-01T00:00:00Z'))).toBe(true);
  });

  it('expiredFrom and lastValidDay bracket the month', () => {
    expect(expiredFrom(12, 2027).toISOString()).toBe('2028-01-01T00:00:00.000Z');
    expect(lastValidDay(2, 2028).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(lastValidDay(4, 2030).toISOString()).toBe('2030-04-30T00:00:00.000Z');
  });

  it('two-digit years are 20xx', () => {
    expect(normalizeExpYear(30)).toBe(2030);
    expect(normalizeExpYear(2030)).toBe(2030);
  });

  it.each([
    [0, 2030, 'invalid_expiry_month'],
    [13, 2030, 'invalid_expiry_month'],
    [12, 2025, 'invalid_expiry_year'],
    [12, 2099, 'invalid_expiry_year'],
    [5, 2026, 'invalid_expiry_month'],
    [6, 2026, null],
    [6, 26, null],
    [1, 2027, null],
  ] as const)('month %i year %i → %s (now 2026-06-15)', (month, year, problem) => {
    expect(expiryProblem(month, year, at('2026-06-15T12:00:00Z'))).toBe(problem);
  });
});
