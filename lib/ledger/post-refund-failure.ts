import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from './accounts';
import { currencyCode, positiveAmount } from './amounts';
import { insertBalanceTransaction, writeLines } from './repository';

export interface PostRefundFailureInput {
  refundId: string;
  currency: string;
  /** The failed refund's amount: what postRefund took, given back. */
  amount: number;
}

/**
 * A refund that failed after it was posted (the card network sent it back):
 * Stripe's `refund_failure` balance transaction, the refund's entry reversed.
 *
 *   merchant_available   +amount
 *   processor_clearing   −amount
 */
export async function postRefundFailure(
  tx: DbTx,
  scope: Scope,
  input: PostRefundFailureInput,
): Promise<{ balanceTransactionId: string }> {
  const amount = positiveAmount('amount', input.amount);
  const currency = currencyCode(input.currency);
  const now = clock.now();
  const id = await insertBalanceTransaction(tx, scope, {
    type: 'refund_failure',
    currency,
    amount,
    fee: 0,
    status: 'available',
    availableOn: now,
    sourceType: 'refund',
    sourceId: input.refundId,
    description: `REFUND FAILURE (${toPublicId('re', input.refundId)})`,
    createdAt: now,
  });
  await writeLines(
    tx,
    scope,
    id,
    currency,
    [
      { account: 'merchant_available', amount },
      { account: 'processor_clearing', amount: -amount },
    ],
    now,
  );
  return { balanceTransactionId: id };
}
