import { normalizeCurrency } from '@/lib/money/currencies';

/**
 * Guards for what callers hand the ledger. These are programming errors (the
 * API layer validates user input long before), so they throw plain Errors.
 */
export function positiveAmount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

export function nonNegativeAmount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** Stored upper case; Stripe's lower-case codes are accepted. */
export function currencyCode(value: string): string {
  const code = normalizeCurrency(value);
  if (!code) throw new Error(`unknown currency ${value}`);
  return code;
}

/** BIGINT columns come back as bigint; balances stay far below 2^53. */
export function toNumber(value: bigint | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount ${String(value)} is beyond 2^53`);
  return n;
}
