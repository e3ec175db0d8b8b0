/**
 * Typed ledger errors. The payments layer maps MerchantLimitExceededError to
 * its API answer (a decline); nothing here knows about HTTP.
 */
export class MerchantLimitExceededError extends Error {
  constructor(
    readonly period: 'day' | 'month',
    /** The limit, in the merchant's currency's minor units. */
    readonly limit: number,
    readonly currency: string,
  ) {
    super(
      `merchant ${period === 'day' ? 'daily' : 'monthly'} limit of ${limit} ${currency} would be exceeded`,
    );
    this.name = 'MerchantLimitExceededError';
  }
}
