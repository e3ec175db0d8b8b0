import { z } from 'zod';
import { isCurrency } from '@/lib/money/currencies';
import { computeFee, type FeeStructure } from './compute-fee';

/**
 * The fee of one charge, from the merchant's `fee_structure` JSONB:
 *
 *   { "percent_bps": 290, "fixed": 30, "fixed_by_currency": { "KRW": 400 } }
 *
 * - `percent_bps`: basis points of the amount, rounded half up to an integer
 *   number of minor units (computeFee);
 * - `fixed`: minor units of the charge's own currency, in every currency — 30
 *   is 30 cents on USD, 30 yen on JPY, 30 fils on KWD. This is the rule the
 *   seeded history was generated with (and tests/integration/seed.test.ts
 *   checks), so a merchant's seeded and live fees agree;
 * - `fixed_by_currency` (optional, ours): a fixed part per currency, for where
 *   "30 minor units" is not the right size. We do not scale `fixed` by the
 *   currency's exponent: an exponent says nothing about a currency's value
 *   (scaling 30 cents would give 0 yen, 0 won and 300 fils ≈ $1), and there is
 *   no exchange-rate table to scale by value; an explicit amount is honest.
 *
 * A missing, empty or malformed fee_structure means the platform default,
 * 2.9% + 30 minor units (DEFAULT_FEE_STRUCTURE).
 */
export const DEFAULT_FEE_STRUCTURE: FeeStructure = { percent_bps: 290, fixed: 30 };

const minorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const feeStructureSchema = z.object({
  percent_bps: z.number().int().min(0).max(10_000),
  fixed: minorUnits,
  fixed_by_currency: z
    .record(
      z.string().refine((c): boolean => isCurrency(c), 'an ISO 4217 code in upper case'),
      minorUnits,
    )
    .optional(),
});

export type MerchantFeeStructure = z.infer<typeof feeStructureSchema>;

/** The stored JSONB as a fee structure, or the default when it is not one. */
export function parseFeeStructure(json: unknown): MerchantFeeStructure {
  const parsed = feeStructureSchema.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_FEE_STRUCTURE;
}

/** The fee, in `currency`'s minor units, for a charge of `amount` of them. */
export function chargeFee(amount: number, currency: string, feeStructure: unknown): number {
  const fees = parseFeeStructure(feeStructure);
  const fixed = fees.fixed_by_currency?.[currency.toUpperCase()] ?? fees.fixed;
  return computeFee(amount, { percent_bps: fees.percent_bps, fixed });
}
