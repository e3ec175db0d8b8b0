import { Prisma } from '@/lib/db/generated/client';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { feeFor } from '@/lib/fees/fee-for-merchant';
import { postCharge } from '@/lib/ledger/post-charge';
import type { CardSummary } from '@/lib/vault';
import type { RequestInfo } from './confirm-payment-intent';
import { chargeObjectFor } from './charge-object';
import { paymentIntentObject } from './payment-intent-object';
import { updatePayment, type PaymentRow, type Scope } from './repository';

/**
 * An approved authorization, written: captured at once (capture_method
 * automatic: fee, ledger, `charge.succeeded` + `payment_intent.succeeded`) or
 * held (`requires_capture`, `charge.succeeded` with `captured: false` +
 * `payment_intent.amount_capturable_updated`). The
 * one place both a confirm and a completed 3-D Secure challenge end up, under
 * the payment's row lock and in the caller's transaction.
 */
export async function recordApproval(
  tx: DbTx,
  scope: Scope,
  row: PaymentRow,
  fields: Prisma.TransactionUncheckedUpdateInput,
  approval: { gatewayTransactionId: string; captured: boolean },
  request: RequestInfo,
  /** The card's summary when the caller has just read it from the vault. */
  card?: CardSummary,
): Promise<PaymentRow> {
  const amount = Number(row.amount);
  const now = clock.now();
  if (approval.captured) {
    const fee = await feeFor(tx, scope.merchantId, row.currency, amount);
    const updated = await updatePayment(tx, row, {
      ...fields,
      status: 'succeeded',
      gatewayTransactionId: approval.gatewayTransactionId,
      amountReceived: BigInt(amount),
      amountCapturable: 0n,
      feeAmount: BigInt(fee),
      capturedAt: now,
      lastPaymentError: Prisma.DbNull,
      nextAction: Prisma.DbNull,
      complianceStatus: 'approved',
    });
    await postCharge(tx, scope, { paymentId: updated.id, currency: updated.currency, amount, fee });
    // Stripe's order: the charge, then the intent.
    const charge = await chargeObjectFor(tx, scope, updated, card);
    await recordEvent(tx, scope, { type: 'charge.succeeded', object: { ...charge }, ...request });
    await recordEvent(tx, scope, {
      type: 'payment_intent.succeeded',
      object: paymentIntentObject(updated),
      ...request,
    });
    return updated;
  }
  const updated = await updatePayment(tx, row, {
    ...fields,
    status: 'authorized',
    gatewayTransactionId: approval.gatewayTransactionId,
    amountCapturable: BigInt(amount),
    lastPaymentError: Prisma.DbNull,
    nextAction: Prisma.DbNull,
    complianceStatus: 'approved',
  });
  // An authorization is a succeeded charge that is not captured yet (captured: false).
  const charge = await chargeObjectFor(tx, scope, updated, card);
  await recordEvent(tx, scope, { type: 'charge.succeeded', object: { ...charge }, ...request });
  await recordEvent(tx, scope, {
    type: 'payment_intent.amount_capturable_updated',
    object: paymentIntentObject(updated),
    ...request,
  });
  return updated;
}
