import type { z } from 'zod';
import { toPublicId, type ObjectPrefix } from '@/lib/api/object-id';
import type { BalanceTransaction } from '@/lib/db/generated/client';
import type { BalanceTransactionType } from './accounts';
import { toNumber } from './amounts';
import type { balanceTransactionObject } from './schemas';

export type StripeBalanceTransaction = z.infer<typeof balanceTransactionObject>;

const SOURCE_PREFIX: Record<string, ObjectPrefix> = { payment: 'pi', refund: 're', dispute: 'dp' };

/** Stripe's reporting categories for our types. */
const REPORTING_CATEGORY: Record<BalanceTransactionType, string> = {
  charge: 'charge',
  refund: 'refund',
  refund_failure: 'refund_failure',
  adjustment: 'other_adjustment',
  dispute: 'dispute',
  dispute_reversal: 'dispute_reversal',
};

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function balanceTransactionObjectOf(row: BalanceTransaction): StripeBalanceTransaction {
  const type = row.type as BalanceTransactionType;
  const fee = toNumber(row.fee);
  const currency = row.currency.toLowerCase();
  const prefix = row.sourceType ? SOURCE_PREFIX[row.sourceType] : undefined;
  return {
    id: toPublicId('txn', row.id),
    object: 'balance_transaction',
    amount: toNumber(row.amount),
    available_on: seconds(row.availableOn),
    balance_type: 'payments',
    created: seconds(row.createdAt),
    currency,
    description: row.description,
    exchange_rate: null,
    fee,
    fee_details: fee
      ? [{ amount: fee, application: null, currency, description: 'Processing fees', type: 'stripe_fee' }]
      : [],
    net: toNumber(row.net),
    reporting_category: REPORTING_CATEGORY[type],
    source: prefix && row.sourceId ? toPublicId(prefix, row.sourceId) : null,
    status: row.status as 'pending' | 'available',
    type,
  };
}
