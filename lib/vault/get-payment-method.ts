import type { DbTx } from '@/lib/db/client';
import { loadPaymentMethods } from './load-payment-methods';
import type { PaymentMethodObject } from './schemas';
import { isVaultToken, type Scope } from './types';

/** This merchant's PaymentMethod in this mode (attached, detached or neither), or null. */
export async function getPaymentMethodObject(
  tx: DbTx,
  scope: Scope,
  token: string,
): Promise<PaymentMethodObject | null> {
  if (!isVaultToken(token)) return null;
  return (await loadPaymentMethods(tx, scope, [token])).get(token)?.object ?? null;
}
