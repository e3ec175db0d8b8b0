import type { DbTx } from '@/lib/db/client';
import { checkoutSessionObject } from './checkout-session-object';
import { findSession, type Scope } from './repository';

/** GET /v1/checkout/sessions/:id. Null: no such session for this merchant and mode. */
export async function getCheckoutSession(tx: DbTx, scope: Scope, id: string, expand?: readonly string[]) {
  const row = await findSession(tx, scope, id);
  return row ? checkoutSessionObject(tx, scope, row, expand) : null;
}
