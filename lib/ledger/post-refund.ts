import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from './accounts';
import { currencyCode, positiveAmount } from './amounts';
import { insertBalanceTransaction, writeLines } from './repository';

export interface PostRefundInput {
  refundId: string;
  /** The refunded payment (for the description; the refund cap is the caller's). */
  paymentId: string;
  currency: string;
  amount: number;
}

/**
 * A refund, in the caller's transaction. As at Stripe, it is taken from the
 * available balance at once (which may go negative) and the original fee is
 * not returned: the balance transaction has fee 0 and net −amount.
 *
 *   merchant_available   −amount
 *   processor_clearing   +amount
 */
export async function postRefund(
  tx: DbTx,
  scope: Scope,
  input: PostRefundInput,
): Promise<{ balanceTransactionId: string }> {
  const amount = positiveAmount('amount', input.amount);
  const currency = currencyCode(input.currency);
  const now = clock.now();
  const id = await insertBalanceTransaction(tx, scope, {
    type: 'refund',
    currency,
    amount: -amount,
    fee: 0,
    status: 'available',
    availableOn: now,
    sourceType: 'refund',
    sourceId: input.refundId,
    description: `REFUND FOR PAYMENT (${toPublicId('pi', input.paymentId)})`,
    createdAt: now,
  });
  await writeLines(
    tx,
    scope,
    id,
    currency,
    [
      { account: 'merchant_available', amount: -amount },
      { account: 'processor_clearing', amount },
    ],
    now,
  );
  return { balanceTransactionId: id };
}
