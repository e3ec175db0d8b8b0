import type { PageRequest } from '@/lib/api/list';
import { filterId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { cardSummaries } from '@/lib/vault';
import { chargeObject } from './charge-object';
import type { ListChargesParams } from './charge-schemas';
import { pagePayments, type Scope } from './repository';

/** Null when the cursor is not one of this merchant's charges. */
export async function listCharges(tx: DbTx, scope: Scope, params: ListChargesParams, page: PageRequest) {
  const customerId = filterId('cus', params.customer, 'customer', 'customer');
  const paymentId = filterId('pi', params.payment_intent, 'payment_intent', 'payment_intent');
  const result = await pagePayments(
    tx,
    scope,
    { customerId, paymentId, charged: true, created: params.created },
    page,
  );
  if (!result) return null;
  // The page's cards in one vault read (brand, last four, expiry: nothing decrypted).
  const tokens = result.rows.map((r) => r.paymentMethodToken).filter((t): t is string => t !== null);
  const cards = await cardSummaries(tx, scope, tokens);
  const data = result.rows.map((row) =>
    chargeObject(row, row.paymentMethodToken ? (cards.get(row.paymentMethodToken) ?? null) : null),
  );
  return { data, hasMore: result.hasMore };
}
