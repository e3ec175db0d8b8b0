import { testCardForToken } from '@/lib/cards/test-cards';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { loadPaymentMethods } from './load-payment-methods';
import { objectFromRow, vaultedMethod } from './payment-method-object';
import { storeCard } from './store-card';
import { isVaultToken, type Scope, type VaultedMethod } from './types';
import { validateCard } from './validate-card';

/**
 * What a `payment_method` parameter names: a `pm_…` of this merchant and mode,
 * or, in test mode only, one of Stripe's test tokens (`pm_card_visa`,
 * `tok_visa`, …), which puts a fresh copy of that test card in the vault and
 * returns it, as Stripe creates a new PaymentMethod on each use. Null for
 * anything else: the caller answers "No such PaymentMethod".
 */
export async function resolvePaymentMethod(
  tx: DbTx,
  scope: Scope,
  id: string,
): Promise<VaultedMethod | null> {
  if (isVaultToken(id)) {
    const found = (await loadPaymentMethods(tx, scope, [id])).get(id);
    return found ? vaultedMethod(found.object, found.usable) : null;
  }
  const row = await storeTestToken(tx, scope, id, null);
  return row ? vaultedMethod(objectFromRow(row), true) : null;
}

/** A test token's card, vaulted afresh (test mode only); null for anything that is not a test token. */
export async function storeTestToken(tx: DbTx, scope: Scope, id: string, customerId: string | null) {
  if (scope.livemode) return null;
  const test = testCardForToken(id);
  if (!test) return null;
  const now = clock.now();
  // Stripe's test tokens carry an expiry a year ahead.
  const card = validateCard(
    { number: test.number, expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() + 1 },
    now,
  );
  return storeCard(tx, scope, card, { customerId });
}
