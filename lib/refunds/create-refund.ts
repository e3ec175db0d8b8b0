import { randomUUID } from 'node:crypto';
import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { refundOn } from '@/lib/gateways/authorize-with-routing';
import { postRefund } from '@/lib/ledger/post-refund';
import type { RequestInfo } from '@/lib/payments/confirm-payment-intent';
import { unexpectedState } from '@/lib/payments/errors';
import { chargeChange } from '@/lib/payments/charge-object';
import { lockPayment, updatePayment, type Scope } from '@/lib/payments/repository';
import { allows, statusOfPayment } from '@/lib/payments/status';
import { refundObject } from './refund-object';
import { insertRefund } from './repository';
import type { CreateRefundParams } from './schemas';

/** The payment a refund request names, by `payment_intent` (pi_…) or `charge` (ch_…). */
function paymentIdOf(params: CreateRefundParams): string {
  if (params.payment_intent !== undefined && params.charge !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: charge, payment_intent.', {
      code: 'parameter_invalid',
      param: 'charge',
    });
  }
  if (params.payment_intent !== undefined) {
    const id = fromPublicId('pi', params.payment_intent);
    if (!id) throw resourceMissing('payment_intent', params.payment_intent, 'payment_intent');
    return id;
  }
  if (params.charge !== undefined) {
    const id = fromPublicId('ch', params.charge);
    if (!id) throw resourceMissing('charge', params.charge, 'charge');
    return id;
  }
  throw invalidRequest('One of charge or payment_intent is required.', {
    code: 'parameter_missing',
    param: 'payment_intent',
  });
}

/**
 * A full or partial refund. The payment's row lock is taken first and held to
 * commit, so the check "refunded + this ≤ captured" and the write of the new
 * total cannot interleave with another refund: 50 concurrent partial refunds
 * that together exceed the capture end with exactly those that fit.
 */
export async function createRefund(tx: DbTx, scope: Scope, params: CreateRefundParams, request: RequestInfo) {
  const paymentId = paymentIdOf(params);
  const payment = await lockPayment(tx, scope, paymentId);
  if (!payment) {
    const [label, param, value] =
      params.charge !== undefined
        ? ['charge', 'charge', params.charge]
        : ['payment_intent', 'payment_intent', params.payment_intent!];
    throw resourceMissing(label, value, param);
  }
  const status = statusOfPayment(payment);
  if (!allows('refund', status)) throw unexpectedState('refund', status, toPublicId('pi', payment.id));

  const refundable = Number(payment.amountReceived) - Number(payment.amountRefunded);
  if (refundable <= 0) {
    throw invalidRequest(`Charge ${toPublicId('ch', payment.id)} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const amount = params.amount ?? refundable;
  if (amount > refundable) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable}).`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }

  const id = randomUUID();
  const now = clock.now();
  const { outcome } = await refundOn(payment.gatewayName, payment.gatewayTransactionId!, amount, id);
  const succeeded = outcome.outcome === 'approved';
  const refund = await insertRefund(tx, {
    id,
    transactionId: payment.id,
    transactionCreatedAt: payment.createdAt,
    merchantId: scope.merchantId,
    livemode: scope.livemode,
    amount: BigInt(amount),
    currency: payment.currency,
    reason: params.reason ?? null,
    status: succeeded ? 'succeeded' : 'failed',
    gatewayRefundId: succeeded ? outcome.gatewayTransactionId : null,
    failureReason: succeeded ? null : 'unknown',
    processedAt: now,
    metadata: initialMetadata(params.metadata),
    createdAt: now,
  });
  if (succeeded) {
    const refunded = Number(payment.amountRefunded) + amount;
    const updated = await updatePayment(tx, payment, {
      amountRefunded: BigInt(refunded),
      ...(refunded === Number(payment.amountReceived) && payment.status !== 'disputed'
        ? { status: 'refunded' }
        : {}),
      updatedAt: now,
    });
    await postRefund(tx, scope, { refundId: id, paymentId: payment.id, currency: payment.currency, amount });
    await recordEvent(tx, scope, {
      type: 'charge.refunded',
      ...(await chargeChange(tx, scope, payment, updated)),
      ...request,
    });
  }
  // Stripe announces every refund it creates, and a failed one again as refund.failed.
  await recordEvent(tx, scope, { type: 'refund.created', object: refundObject(refund), ...request });
  if (!succeeded) {
    await recordEvent(tx, scope, { type: 'refund.failed', object: refundObject(refund), ...request });
  }
  return refund;
}
