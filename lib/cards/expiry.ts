/**
 * Card expiry. A card is valid through the last day of its expiry month and
 * expired from the first instant of the next month, in UTC (Stripe's rule; the
 * issuer's time zone is unknown to us). Two-digit years mean 20xx.
 */
export function normalizeExpYear(year: number): number {
  return year >= 0 && year < 100 ? 2000 + year : year;
}

/** The first instant (UTC) at which a card with this expiry is expired. */
export function expiredFrom(expMonth: number, expYear: number): Date {
  return new Date(Date.UTC(expYear, expMonth, 1)); // month index expMonth = the month after
}

export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  return now.getTime() >= expiredFrom(expMonth, expYear).getTime();
}

/** The last day the card is valid, as stored in payment_methods_vault.expires_at. */
export function lastValidDay(expMonth: number, expYear: number): Date {
  return new Date(Date.UTC(expYear, expMonth, 0));
}

export type ExpiryProblem = 'invalid_expiry_month' | 'invalid_expiry_year' | null;

/**
 * What Stripe answers for an expiry: a month outside 1–12 is
 * `invalid_expiry_month`; a year in the past, or more than 50 years ahead, is
 * `invalid_expiry_year`; this year with a past month is `invalid_expiry_month`.
 */
export function expiryProblem(expMonth: number, rawYear: number, now: Date): ExpiryProblem {
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) return 'invalid_expiry_month';
  const expYear = normalizeExpYear(rawYear);
  const thisYear = now.getUTCFullYear();
  if (!Number.isInteger(expYear) || expYear < thisYear || expYear > thisYear + 50)
    return 'invalid_expiry_year';
  if (isExpired(expMonth, expYear, now)) return 'invalid_expiry_month';
  return null;
}
