import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import type { Line, Scope } from './accounts';
import { currencyCode, nonNegativeAmount, positiveAmount } from './amounts';
import { availableOnFor } from './available-on';
import { insertBalanceTransaction, writeLines } from './repository';

export interface PostChargeInput {
  /** transactions.id of the payment whose funds were captured. */
  paymentId: string;
  currency: string;
  /** Gross amount captured, minor units. */
  amount: number;
  /** The platform's fee (lib/fees/charge-fee.ts), minor units. */
  fee: number;
  description?: string;
  /** Defaults to now + BALANCE_AVAILABLE_DELAY_DAYS. */
  availableOn?: Date;
}

/**
 * A captured charge, in the caller's transaction (the one that marks the
 * payment succeeded). Entry:
 *
 *   processor_clearing   −amount
 *   merchant_pending     +amount   (merchant_available when already due)
 *   merchant_pending     −fee
 *   platform_fees        +fee
 *
 * so the merchant's pending balance grows by the net. A payment posts one
 * charge (UNIQUE balance_transactions_source_once): a second call fails.
 */
export async function postCharge(
  tx: DbTx,
  scope: Scope,
  input: PostChargeInput,
): Promise<{ balanceTransactionId: string }> {
  const amount = positiveAmount('amount', input.amount);
  const fee = nonNegativeAmount('fee', input.fee);
  const currency = currencyCode(input.currency);
  const now = clock.now();
  const availableOn = input.availableOn ?? availableOnFor(now);
  const available = availableOn.getTime() <= now.getTime();
  const merchantAccount = available ? 'merchant_available' : 'merchant_pending';

  const id = await insertBalanceTransaction(tx, scope, {
    type: 'charge',
    currency,
    amount,
    fee,
    status: available ? 'available' : 'pending',
    availableOn,
    sourceType: 'payment',
    sourceId: input.paymentId,
    description: input.description ?? `Payment ${toPublicId('pi', input.paymentId)}`,
    createdAt: now,
  });
  const lines: Line[] = [
    { account: 'processor_clearing', amount: -amount },
    { account: merchantAccount, amount },
    { account: merchantAccount, amount: -fee },
    { account: 'platform_fees', amount: fee },
  ];
  await writeLines(tx, scope, id, currency, lines, now);
  return { balanceTransactionId: id };
}
