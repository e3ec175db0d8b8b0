import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { recordEvent } from '@/lib/events/record-event';
import { voidOn } from '@/lib/gateways/authorize-with-routing';
import { releaseMerchantLimit } from '@/lib/ledger/merchant-limits';
import type { RequestInfo } from './confirm-payment-intent';
import { unexpectedState } from './errors';
import { withGatewayCalls } from './gateway-log';
import { paymentIntentObject } from './payment-intent-object';
import { lockPayment, updatePayment, type Scope } from './repository';
import type { CancelPaymentIntentParams } from './schemas';
import { allows, statusOfPayment } from './status';

/**
 * Cancel before capture. An authorization is voided at its gateway; a
 * reservation against the merchant's limits (authorized, or waiting for 3-D
 * Secure) is given back. Null: no such payment.
 */
export async function cancelPaymentIntent(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: CancelPaymentIntentParams,
  request: RequestInfo,
) {
  const row = await lockPayment(tx, scope, id);
  if (!row) return null;
  const status = statusOfPayment(row);
  if (!allows('cancel', status)) throw unexpectedState('cancel', status, toPublicId('pi', row.id));
  const calls = [];
  if (status === 'requires_capture' && row.gatewayTransactionId) {
    const voided = await voidOn(row.gatewayName, row.gatewayTransactionId, `${row.id}:void`);
    calls.push(voided.call);
  }
  if (status === 'requires_capture' || status === 'requires_action') {
    await releaseMerchantLimit(tx, scope, {
      currency: row.currency,
      amount: Number(row.amount),
      at: row.authorizedAt ?? row.createdAt,
    });
  }
  const now = clock.now();
  const updated = await updatePayment(tx, row, {
    status: 'cancelled',
    amountCapturable: 0n,
    nextAction: Prisma.DbNull,
    cancellationReason: params.cancellation_reason ?? null,
    canceledAt: now,
    ...(calls.length ? { gatewayResponse: withGatewayCalls(row, calls) } : {}),
    updatedAt: now,
  });
  await recordEvent(tx, scope, {
    type: 'payment_intent.canceled',
    object: paymentIntentObject(updated),
    ...request,
  });
  return updated;
}
