import { invalidRequest } from '@/lib/api/errors';
import { testCardForToken } from '@/lib/cards/test-cards';
import type { DbTx } from '@/lib/db/client';
import { NO_REQUEST, recordEvent, type EventRequest } from '@/lib/events/record-event';
import { Prisma } from '@/lib/db/generated/client';
import { forgetPaymentMethods } from './cache';
import { requireCustomer } from './customer-check';
import { cardFingerprint } from './fingerprint';
import { getPaymentMethodObject } from './get-payment-method';
import { objectFromRow } from './payment-method-object';
import { attachedTokenWithFingerprint, lockVaultRow, setVaultCustomer } from './repository';
import { storeTestToken } from './resolve-payment-method';
import type { PaymentMethodObject } from './schemas';
import { alreadyAttached } from './store-card';
import { isVaultToken, type Scope } from './types';

/**
 * Attaches a PaymentMethod to a customer of the same merchant and mode. Null:
 * no such PaymentMethod. The customer keeps one PaymentMethod per card (the
 * seed's UNIQUE (customer_id, fingerprint)): another copy of a card it already
 * has is refused, except that a test token (`pm_card_visa`) simply returns the
 * attached copy, since its caller cannot know which id it would get anyway.
 */
export async function attachPaymentMethod(
  tx: DbTx,
  scope: Scope,
  token: string,
  customerId: string,
  customerShownAs?: string,
  request: EventRequest = NO_REQUEST,
): Promise<PaymentMethodObject | null> {
  if (!isVaultToken(token)) return attachTestToken(tx, scope, token, customerId, customerShownAs, request);
  const row = await lockVaultRow(tx, scope, token);
  if (!row) return null;
  await requireCustomer(tx, scope, customerId, customerShownAs);
  if (row.detachedAt) {
    throw invalidRequest(
      'This PaymentMethod was previously detached from a Customer and may not be attached again.',
      { code: 'payment_method_unexpected_state' },
    );
  }
  if (row.customerId === customerId) return objectFromRow(row);
  if (row.customerId) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      code: 'payment_method_already_attached',
    });
  }
  const existing = await attachedTokenWithFingerprint(tx, customerId, row.fingerprint);
  if (existing) throw alreadyAttached(existing);
  try {
    const updated = await setVaultCustomer(tx, token, customerId);
    await forgetPaymentMethods([token], [customerId]);
    const object = objectFromRow(updated);
    await recordEvent(tx, scope, { type: 'payment_method.attached', object: { ...object }, ...request });
    return object;
  } catch (err) {
    // Two copies of one card attached to the customer at once: the UNIQUE decides.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw alreadyAttached('another PaymentMethod');
    throw err;
  }
}

async function attachTestToken(
  tx: DbTx,
  scope: Scope,
  token: string,
  customerId: string,
  customerShownAs: string | undefined,
  request: EventRequest,
): Promise<PaymentMethodObject | null> {
  const test = scope.livemode ? undefined : testCardForToken(token);
  if (!test) return null;
  await requireCustomer(tx, scope, customerId, customerShownAs);
  const existing = await attachedTokenWithFingerprint(tx, customerId, cardFingerprint(test.number));
  if (existing) return getPaymentMethodObject(tx, scope, existing);
  const row = await storeTestToken(tx, scope, token, customerId);
  if (!row) return null;
  const object = objectFromRow(row);
  await recordEvent(tx, scope, { type: 'payment_method.attached', object: { ...object }, ...request });
  return object;
}
