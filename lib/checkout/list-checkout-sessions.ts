import type { PageRequest } from '@/lib/api/list';
import { filterId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { checkoutSessionObject } from './checkout-session-object';
import { pageSessions, type Scope } from './repository';
import type { ListCheckoutSessionsParams } from './schemas';

/**
 * GET /v1/checkout/sessions, newest first; filters `customer`,
 * `payment_intent`, `status`, `created`. A filter id that cannot be this
 * merchant's is "No such …", as at Stripe. Null when the cursor is not one of
 * the listed sessions.
 */
export async function listCheckoutSessions(
  tx: DbTx,
  scope: Scope,
  params: ListCheckoutSessionsParams,
  page: PageRequest,
) {
  const customerId = filterId('cus', params.customer, 'customer', 'customer');
  const paymentId = filterId('pi', params.payment_intent, 'payment_intent', 'payment_intent');
  const result = await pageSessions(
    tx,
    scope,
    { customerId, paymentId, status: params.status, created: params.created },
    page,
  );
  if (!result) return null;
  const data = [];
  for (const row of result.rows) data.push(await checkoutSessionObject(tx, scope, row, params.expand));
  return { data, hasMore: result.hasMore };
}
