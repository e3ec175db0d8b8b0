import { describe, expect, it } from 'vitest';
import { chargeFee, DEFAULT_FEE_STRUCTURE, parseFeeStructure } from './charge-fee';

describe('chargeFee', () => {
  it('uses the merchant fee structure: percentage half up, then the fixed part', () => {
    const fees = { percent_bps: 250, fixed: 25 };
    expect(chargeFee(10_000, 'USD', fees)).toBe(275);
    expect(chargeFee(20, 'USD', fees)).toBe(26); // 0.5 -> 1
    expect(chargeFee(19, 'USD', fees)).toBe(25); // 0.475 -> 0
  });

  it('falls back to 2.9% + 30 for a missing, empty or malformed fee_structure', () => {
    expect(parseFeeStructure(null)).toEqual(DEFAULT_FEE_STRUCTURE);
    expect(parseFeeStructure({})).toEqual(DEFAULT_FEE_STRUCTURE);
    expect(parseFeeStructure({ percent_bps: '290', fixed: 30 })).toEqual(DEFAULT_FEE_STRUCTURE);
    expect(parseFeeStructure({ percent_bps: 2.9, fixed: 30 })).toEqual(DEFAULT_FEE_STRUCTURE);
    expect(parseFeeStructure({ percent_bps: 290, fixed: -1 })).toEqual(DEFAULT_FEE_STRUCTURE);
    expect(chargeFee(10_000, 'USD', {})).toBe(320);
  });

  it('takes the fixed part in the charge currency minor units, as the seeded history does', () => {
    expect(chargeFee(6_000, 'JPY', {})).toBe(204); // 174 + 30 yen
    expect(chargeFee(12_345, 'KWD', {})).toBe(388); // 358.005 -> 358 + 30 fils
    expect(chargeFee(1, 'JPY', {})).toBe(30); // 0.029 -> 0, + 30
  });

  it('prefers fixed_by_currency where the merchant set one', () => {
    const fees = { percent_bps: 290, fixed: 30, fixed_by_currency: { JPY: 0, KWD: 100 } };
    expect(chargeFee(6_000, 'JPY', fees)).toBe(174);
    expect(chargeFee(6_000, 'jpy', fees)).toBe(174);
    expect(chargeFee(12_345, 'KWD', fees)).toBe(458);
    expect(chargeFee(10_000, 'USD', fees)).toBe(320);
    expect(parseFeeStructure({ percent_bps: 290, fixed: 30, fixed_by_currency: { yen: 1 } })).toEqual(
      DEFAULT_FEE_STRUCTURE,
    );
  });

  it('rounds exactly at large amounts', () => {
    expect(chargeFee(9_007_199_254_740_991, 'USD', { percent_bps: 1, fixed: 0 })).toBe(900_719_925_474);
  });
});
