/**
 * Processing fees, from a merchant's `fee_structure` JSONB (seed 001), for
 * live charges (lib/fees/charge-fee.ts) and seeded ones (lib/seed) alike:
 *
 *   fee = round_half_up(amount * percent_bps / 10_000) + fixed
 *
 * - amounts are integers in the charge currency's minor unit (cents, yen, fils);
 * - `percent_bps` is basis points (290 = 2.9%), `fixed` is minor units of the
 *   charge's currency (so 30 means 30 cents on USD, 30 yen on JPY);
 * - the percentage part is rounded half up (0.5 goes to 1) before `fixed` is
 *   added; amounts are never negative, so "half up" and "half away from zero"
 *   agree;
 * - the fee is not capped at the amount (a charge below Stripe's minimum can
 *   have a negative net; lib/money/currencies.ts has the minimums).
 *
 * Integer arithmetic only: no float ever touches money.
 */

export interface FeeStructure {
  percent_bps: number;
  fixed: number;
}

const HALF_BPS_DIVISOR = 5_000;
const BPS_DIVISOR = 10_000;

export function computeFee(amount: number, fees: FeeStructure): number {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new Error(`amount must be a non-negative integer, got ${amount}`);
  if (!Number.isSafeInteger(fees.percent_bps) || fees.percent_bps < 0)
    throw new Error('percent_bps must be a non-negative integer');
  if (!Number.isSafeInteger(fees.fixed) || fees.fixed < 0)
    throw new Error('fixed must be a non-negative integer');
  const product = amount * fees.percent_bps;
  const percentPart = Number.isSafeInteger(product)
    ? Math.floor((product + HALF_BPS_DIVISOR) / BPS_DIVISOR)
    : // Beyond 2^53 the product loses precision; BigInt keeps the rule exact.
      Number((BigInt(amount) * BigInt(fees.percent_bps) + BigInt(HALF_BPS_DIVISOR)) / BigInt(BPS_DIVISOR));
  return percentPart + fees.fixed;
}
