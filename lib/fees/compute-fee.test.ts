import { describe, expect, it } from 'vitest';
import { computeFee } from './compute-fee';

const STANDARD = { percent_bps: 290, fixed: 30 }; // 2.9% + 30

describe('computeFee', () => {
  it('charges 2.9% + 30 minor units', () => {
    expect(computeFee(10_000, STANDARD)).toBe(320); // $100.00 -> $3.20
    expect(computeFee(1_000, STANDARD)).toBe(59); // 29 + 30
  });

  it('rounds the percentage half up, before adding the fixed part', () => {
    expect(computeFee(500, STANDARD)).toBe(45); // 14.5 -> 15
    expect(computeFee(1_500, STANDARD)).toBe(74); // 43.5 -> 44
    expect(computeFee(517, STANDARD)).toBe(45); // 14.993 -> 15
    expect(computeFee(499, STANDARD)).toBe(44); // 14.471 -> 14
    expect(computeFee(17, STANDARD)).toBe(30); // 0.493 -> 0
    expect(computeFee(18, STANDARD)).toBe(31); // 0.522 -> 1
    expect(computeFee(50, { percent_bps: 100, fixed: 0 })).toBe(1); // exactly 0.5 -> 1
    expect(computeFee(150, { percent_bps: 100, fixed: 0 })).toBe(2); // 1.5 -> 2
    expect(computeFee(149, { percent_bps: 100, fixed: 0 })).toBe(1); // 1.49 -> 1
  });

  it('works the same in zero-decimal and three-decimal currencies (the amount is in minor units)', () => {
    expect(computeFee(6_000, STANDARD)).toBe(204); // 6,000 yen -> 174 + 30 yen
    expect(computeFee(12_345, STANDARD)).toBe(388); // 12.345 KWD -> 358.005 -> 358 + 30 fils
  });

  it('charges only the fixed part on zero and keeps exact above 2^53', () => {
    expect(computeFee(0, STANDARD)).toBe(30);
    const huge = 4_000_000_000_000_000; // amount * bps exceeds Number.MAX_SAFE_INTEGER
    expect(computeFee(huge, STANDARD)).toBe(116_000_000_000_000 + 30);
  });

  it('rejects negative or fractional inputs', () => {
    expect(() => computeFee(-1, STANDARD)).toThrow();
    expect(() => computeFee(1.5, STANDARD)).toThrow();
    expect(() => computeFee(100, { percent_bps: -1, fixed: 0 })).toThrow();
    expect(() => computeFee(100, { percent_bps: 290, fixed: 0.5 })).toThrow();
  });
});
