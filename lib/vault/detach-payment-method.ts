import { invalidRequest } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import { toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { NO_REQUEST, recordEvent, type EventRequest } from '@/lib/events/record-event';
import { forgetPaymentMethods } from './cache';
import { objectFromRow } from './payment-method-object';
import { lockVaultRow, markVaultDetached } from './repository';
import type { PaymentMethodObject } from './schemas';
import { isVaultToken, type Scope } from './types';

/**
 * Detaches a PaymentMethod from its customer. As at Stripe, it stays
 * retrievable but can no longer be used or attached again. Null: no such
 * PaymentMethod.
 */
export async function detachPaymentMethod(
  tx: DbTx,
  scope: Scope,
  token: string,
  request: EventRequest = NO_REQUEST,
): Promise<PaymentMethodObject | null> {
  if (!isVaultToken(token)) return null;
  const row = await lockVaultRow(tx, scope, token);
  if (!row) return null;
  if (!row.customerId) {
    throw invalidRequest(
      'The payment method you provided is not attached to a customer so detachment is impossible.',
      { code: 'payment_method_not_attached' },
    );
  }
  const updated = await markVaultDetached(tx, token, clock.now());
  await forgetPaymentMethods([token], [row.customerId]);
  const object = objectFromRow(updated);
  await recordEvent(tx, scope, {
    type: 'payment_method.detached',
    object: { ...object },
    previousAttributes: { customer: toPublicId('cus', row.customerId) },
    ...request,
  });
  return object;
}
