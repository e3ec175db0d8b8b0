import type { Rng } from '@/lib/seed/random';

/**
 * The currencies seeded data uses, with their minor-unit exponents (ISO 4217) and
 * a rough price level, so a 40-dollar basket becomes ~6,000 yen or ~12 dinars
 * rather than 4,000 yen-"cents".
 */
export const SEED_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'KWD'] as const;
export type SeedCurrency = (typeof SEED_CURRENCIES)[number];

interface CurrencyInfo {
  /** Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD. */
  exponent: number;
  /** Minor units per US cent (approximate, fixed so the data is deterministic). */
  perUsdCent: number;
  /** Amounts are rounded to a multiple of this many minor units (prices end in 0 or 5). */
  step: number;
}

export const CURRENCY_INFO: Record<SeedCurrency, CurrencyInfo> = {
  USD: { exponent: 2, perUsdCent: 1, step: 1 },
  EUR: { exponent: 2, perUsdCent: 0.92, step: 1 },
  GBP: { exponent: 2, perUsdCent: 0.79, step: 1 },
  JPY: { exponent: 0, perUsdCent: 1.5, step: 10 },
  KWD: { exponent: 3, perUsdCent: 3.07, step: 5 },
};

/** Smallest and largest basket, in US cents: $1 .. $5,000. */
const MIN_USD_CENTS = 100;
const MAX_USD_CENTS = 500_000;
/** log-normal basket size: median ~$42, most between $10 and $180. */
const LOG_MEDIAN = Math.log(4_200);
const LOG_SIGMA = 1.05;

/**
 * A plausible card payment amount in `currency`'s minor units. Whole prices
 * (x.00) and "charm" prices (x.99) are common, as in real checkouts.
 */
export function sampleAmount(rng: Rng, currency: SeedCurrency): number {
  const usdCents = Math.min(
    MAX_USD_CENTS,
    Math.max(MIN_USD_CENTS, Math.exp(LOG_MEDIAN + LOG_SIGMA * rng.normal())),
  );
  const info = CURRENCY_INFO[currency];
  let amount = Math.round((usdCents * info.perUsdCent) / info.step) * info.step;
  if (info.exponent === 2) {
    const style = rng.float();
    const units = Math.max(1, Math.round(amount / 100));
    if (style < 0.35) amount = units * 100;
    else if (style < 0.65) amount = units * 100 - 1;
  }
  return Math.max(info.step, amount);
}
