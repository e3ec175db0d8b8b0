import { initialMetadata } from '@/lib/api/params';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { confirmPaymentIntent, type ConfirmResult, type RequestInfo } from './confirm-payment-intent';
import { paymentIntentObject } from './payment-intent-object';
import { insertPayment, type Scope } from './repository';
import { customerIdFor, paymentMethodFor } from './resolve-references';
import type { CreatePaymentIntentParams } from './schemas';

/**
 * Not yet routed: the gateway is chosen when the intent is confirmed (seed 001
 * requires a gateway_name on every row).
 */
export const UNASSIGNED_GATEWAY = 'unassigned';

export async function createPaymentIntent(
  tx: DbTx,
  scope: Scope,
  params: CreatePaymentIntentParams,
  request: RequestInfo,
): Promise<ConfirmResult> {
  const customerId = params.customer !== undefined ? await customerIdFor(tx, scope, params.customer) : null;
  const method = await paymentMethodFor(tx, scope, params, customerId);
  const now = clock.now();
  const row = await insertPayment(tx, {
    merchantId: scope.merchantId,
    livemode: scope.livemode,
    customerId,
    amount: BigInt(params.amount),
    currency: params.currency,
    status: 'pending',
    paymentMethodType: 'card',
    paymentMethodToken: method?.token ?? null,
    gatewayName: UNASSIGNED_GATEWAY,
    captureMethod: params.capture_method ?? 'automatic',
    description: params.description ?? null,
    metadata: initialMetadata(params.metadata),
    receiptEmail: params.receipt_email ?? null,
    statementDescriptor: params.statement_descriptor ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await recordEvent(tx, scope, {
    type: 'payment_intent.created',
    object: paymentIntentObject(row),
    ...request,
  });
  if (params.confirm) {
    // The row was inserted by this transaction: it is there to confirm.
    return (await confirmPaymentIntent(
      tx,
      scope,
      row.id,
      { return_url: params.return_url },
      request,
      method?.cvc,
    ))!;
  }
  return { row };
}
