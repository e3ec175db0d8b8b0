import { invalidRequest } from '@/lib/api/errors';
import { mergeMetadata } from '@/lib/api/params';
import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { feeFor } from '@/lib/fees/fee-for-merchant';
import { captureOn } from '@/lib/gateways/authorize-with-routing';
import { releaseMerchantLimit } from '@/lib/ledger/merchant-limits';
import { postCharge } from '@/lib/ledger/post-charge';
import type { RequestInfo } from './confirm-payment-intent';
import { chargeChange } from './charge-object';
import { unexpectedState } from './errors';
import { withGatewayCalls } from './gateway-log';
import { paymentIntentObject } from './payment-intent-object';
import { lockPayment, updatePayment, type Scope } from './repository';
import type { CapturePaymentIntentParams } from './schemas';
import { allows, statusOfPayment } from './status';

/**
 * Capture all or part (`amount_to_capture`) of an authorization. The part not
 * captured is released, as at Stripe, and given back to the merchant's limits.
 * Null: no such payment.
 */
export async function capturePaymentIntent(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: CapturePaymentIntentParams,
  request: RequestInfo,
) {
  const row = await lockPayment(tx, scope, id);
  if (!row) return null;
  const status = statusOfPayment(row);
  if (!allows('capture', status)) throw unexpectedState('capture', status, toPublicId('pi', row.id));
  const capturable = Number(row.amountCapturable);
  const amount = params.amount_to_capture ?? capturable;
  if (amount > capturable) {
    throw invalidRequest(
      `The amount to capture (${amount}) is greater than the amount capturable (${capturable}).`,
      { code: 'amount_too_large', param: 'amount_to_capture' },
    );
  }
  const { outcome, call } = await captureOn(
    row.gatewayName,
    row.gatewayTransactionId!,
    amount,
    `${row.id}:capture`,
  );
  if (outcome.outcome !== 'approved') {
    throw invalidRequest('The capture could not be completed by the processor. Try again later.', {
      code: 'processing_error',
    });
  }
  const fee = await feeFor(tx, scope.merchantId, row.currency, amount);
  const now = clock.now();
  const updated = await updatePayment(tx, row, {
    status: 'captured',
    amountReceived: BigInt(amount),
    amountCapturable: 0n,
    feeAmount: BigInt(fee),
    capturedAt: now,
    gatewayResponse: withGatewayCalls(row, [call]),
    metadata: mergeMetadata((row.metadata ?? {}) as Record<string, string>, params.metadata),
    statementDescriptor:
      params.statement_descriptor !== undefined ? params.statement_descriptor : row.statementDescriptor,
    updatedAt: now,
  });
  if (amount < Number(row.amount)) {
    await releaseMerchantLimit(tx, scope, {
      currency: row.currency,
      amount: Number(row.amount) - amount,
      at: row.authorizedAt ?? row.createdAt,
    });
  }
  await postCharge(tx, scope, { paymentId: row.id, currency: row.currency, amount, fee });
  await recordEvent(tx, scope, {
    type: 'charge.captured',
    ...(await chargeChange(tx, scope, row, updated)),
    ...request,
  });
  await recordEvent(tx, scope, {
    type: 'payment_intent.succeeded',
    object: paymentIntentObject(updated),
    ...request,
  });
  return updated;
}
