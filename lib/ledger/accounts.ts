/**
 * The chart of accounts (docs/ledger.md). Every line is on one account of one
 * merchant, mode and currency; signs are "+ is owed to the account's holder",
 * so the sums of the two merchant accounts are the merchant's balances.
 */
export const ACCOUNTS = [
  'merchant_pending',
  'merchant_available',
  'platform_fees',
  'processor_clearing',
] as const;
export type Account = (typeof ACCOUNTS)[number];

/** The accounts merchant_balances mirrors, and the column each one feeds. */
export const BALANCE_COLUMN = {
  merchant_pending: 'pending_balance',
  merchant_available: 'available_balance',
} as const satisfies Partial<Record<Account, string>>;

export interface Line {
  account: Account;
  /** Signed minor units; zero lines are dropped (the table refuses them). */
  amount: number;
}

/** Tenancy: every ledger function takes the merchant and the mode. */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export const BALANCE_TRANSACTION_TYPES = [
  'charge',
  'refund',
  'refund_failure',
  'adjustment',
  'dispute',
  'dispute_reversal',
] as const;
export type BalanceTransactionType = (typeof BALANCE_TRANSACTION_TYPES)[number];

export type SourceType = 'payment' | 'refund' | 'dispute';
