import type { PageRequest } from '@/lib/api/list';
import type { DbTx } from '@/lib/db/client';
import { lineItemObject } from './checkout-session-object';
import { findSession, pageLineItems, type Scope } from './repository';

/**
 * GET /v1/checkout/sessions/:id/line_items, in the order they were given.
 * `session: null`: no such session; `page: null`: the cursor is not one of its items.
 */
export async function listLineItems(tx: DbTx, scope: Scope, sessionId: string, page: PageRequest) {
  const session = await findSession(tx, scope, sessionId);
  if (!session) return { session: null, page: null };
  const result = await pageLineItems(tx, session.id, page);
  return {
    session,
    page: result ? { data: result.rows.map(lineItemObject), hasMore: result.hasMore } : null,
  };
}
