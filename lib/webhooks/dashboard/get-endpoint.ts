import type { DbTx } from '@/lib/db/client';
import { getWebhookEndpoint } from '../get-webhook-endpoint';
import { listDeliveryAttempts } from '../list-delivery-attempts';
import { listEndpointsNeedingAttention } from '../list-endpoints-needing-attention';
import type { Scope } from '../repository';

export const ATTEMPT_PAGE_SIZE = 25;

/**
 * The endpoint page: the endpoint, why the system disabled it (if it did),
 * and a page of its delivery attempts, newest first (`after`: the last
 * attempt id of the previous page). Null: no such endpoint in this mode.
 */
export async function getEndpointForDashboard(tx: DbTx, scope: Scope, id: string, after?: string) {
  const endpoint = await getWebhookEndpoint(tx, scope, id);
  if (!endpoint) return null;
  const [attention, attempts] = await Promise.all([
    listEndpointsNeedingAttention(tx, scope),
    listDeliveryAttempts(tx, scope, {
      endpointId: endpoint.id,
      limit: ATTEMPT_PAGE_SIZE + 1,
      ...(after ? { startingAfter: after } : {}),
    }),
  ]);
  const more = attempts.length > ATTEMPT_PAGE_SIZE;
  const rows = attempts.slice(0, ATTEMPT_PAGE_SIZE);
  return {
    endpoint,
    attention: attention.find((a) => a.endpoint.id === endpoint.id) ?? null,
    attempts: rows,
    olderThan: more ? rows.at(-1)!.id : undefined,
  };
}
