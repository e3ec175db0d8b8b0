import { invalidRequest } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
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
  return objectFromRow(updated);
}
