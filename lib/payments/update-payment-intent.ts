import { mergeMetadata } from '@/lib/api/params';
import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { previousAttributes } from '@/lib/events/previous-attributes';
import { recordEvent } from '@/lib/events/record-event';
import type { RequestInfo } from './confirm-payment-intent';
import { unexpectedState } from './errors';
import { paymentIntentObject } from './payment-intent-object';
import { lockPayment, updatePayment, type Scope } from './repository';
import { customerIdFor, paymentMethodFor } from './resolve-references';
import type { UpdatePaymentIntentParams } from './schemas';
import { allows, statusOfPayment } from './status';

const PAYMENT_DETAILS = [
  'amount',
  'currency',
  'payment_method',
  'payment_method_data',
  'capture_method',
] as const;

/**
 * Description, metadata, receipt e-mail and statement descriptor may change at
 * any time; what is charged (amount, currency, payment method, capture method,
 * customer) only before the intent is confirmed. Null: no such payment.
 */
export async function updatePaymentIntent(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: UpdatePaymentIntentParams,
  request: RequestInfo,
) {
  const row = await lockPayment(tx, scope, id);
  if (!row) return null;
  const status = statusOfPayment(row);
  const changesPayment =
    PAYMENT_DETAILS.some((k) => params[k] !== undefined) || params.customer !== undefined;
  if (changesPayment && !allows('update_payment_details', status)) {
    throw unexpectedState('update_payment_details', status, toPublicId('pi', row.id));
  }
  const customerId =
    params.customer === undefined
      ? row.customerId
      : params.customer === null
        ? null
        : await customerIdFor(tx, scope, params.customer);
  const method = await paymentMethodFor(tx, scope, params, customerId);
  const updated = await updatePayment(tx, row, {
    ...(params.amount !== undefined ? { amount: BigInt(params.amount) } : {}),
    ...(params.currency !== undefined ? { currency: params.currency } : {}),
    ...(params.capture_method !== undefined ? { captureMethod: params.capture_method } : {}),
    ...(method ? { paymentMethodToken: method.token } : {}),
    customerId,
    description: params.description !== undefined ? params.description : row.description,
    metadata: mergeMetadata((row.metadata ?? {}) as Record<string, string>, params.metadata),
    receiptEmail: params.receipt_email !== undefined ? params.receipt_email : row.receiptEmail,
    statementDescriptor:
      params.statement_descriptor !== undefined ? params.statement_descriptor : row.statementDescriptor,
    updatedAt: clock.now(),
  });
  const object = paymentIntentObject(updated);
  const previous = previousAttributes({ ...paymentIntentObject(row) }, { ...object });
  await recordEvent(tx, scope, {
    type: 'payment_intent.updated',
    object,
    ...(previous ? { previousAttributes: previous } : {}),
    ...request,
  });
  return updated;
}
