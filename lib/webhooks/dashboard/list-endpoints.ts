import type { DbTx } from '@/lib/db/client';
import { listDeliveryAttempts, type DeliveryAttemptRow } from '../list-delivery-attempts';
import {
  listEndpointsNeedingAttention,
  type EndpointNeedingAttention,
} from '../list-endpoints-needing-attention';
import { listWebhookEndpoints } from '../list-webhook-endpoints';
import type { Scope } from '../repository';
import type { WebhookEndpointObject } from '../schemas';

export interface EndpointListItem {
  endpoint: WebhookEndpointObject;
  /** Set when the system disabled it (3 days failing, or the receiver answered 410). */
  attention: EndpointNeedingAttention | null;
  /** Its most recent delivery attempt: a failing endpoint shows here before it is disabled. */
  lastAttempt: DeliveryAttemptRow | null;
}

/**
 * Developers → Webhooks: every endpoint of the mode (at most 16, one page),
 * newest first, each with its latest attempt and why the system disabled it.
 */
export async function listEndpointsForDashboard(tx: DbTx, scope: Scope): Promise<EndpointListItem[]> {
  const [page, attention] = await Promise.all([
    listWebhookEndpoints(tx, scope, { limit: 100, cursor: null }),
    listEndpointsNeedingAttention(tx, scope),
  ]);
  const endpoints = page?.data ?? [];
  const byId = new Map(attention.map((a) => [a.endpoint.id, a]));
  const last = await Promise.all(
    endpoints.map((e) => listDeliveryAttempts(tx, scope, { endpointId: e.id, limit: 1 })),
  );
  return endpoints.map((endpoint, i) => ({
    endpoint,
    attention: byId.get(endpoint.id) ?? null,
    lastAttempt: last[i]?.[0] ?? null,
  }));
}
