import type { PageRequest } from '@/lib/api/list';
import type { DbTx } from '@/lib/db/client';
import { pageEndpoints, type Scope } from './repository';
import { webhookEndpointObject } from './webhook-endpoint-object';

/** Newest first. Null when the cursor is not one of this merchant's endpoints. */
export async function listWebhookEndpoints(tx: DbTx, scope: Scope, page: PageRequest) {
  const result = await pageEndpoints(tx, scope, page);
  if (!result) return null;
  return { data: result.rows.map((r) => webhookEndpointObject(r)), hasMore: result.hasMore };
}
