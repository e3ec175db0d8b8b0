import type { DbTx } from '@/lib/db/client';
import { systemDisabledEndpoints, type Scope } from './repository';
import type { WebhookEndpointObject } from './schemas';
import { webhookEndpointObject } from './webhook-endpoint-object';

/**
 * Endpoints the system disabled, for the dashboard's banner: `failing` (every
 * delivery failed for 3 days) or `gone` (the receiver answered 410). Enabling
 * the endpoint again (update with disabled: false) clears it from this list.
 */
export interface EndpointNeedingAttention {
  endpoint: WebhookEndpointObject;
  reason: 'failing' | 'gone';
  disabledAt: Date;
}

export async function listEndpointsNeedingAttention(
  tx: DbTx,
  scope: Scope,
): Promise<EndpointNeedingAttention[]> {
  const rows = await systemDisabledEndpoints(tx, scope);
  return rows.map((row) => ({
    endpoint: webhookEndpointObject(row),
    reason: row.disabledReason === 'gone' ? 'gone' : 'failing',
    disabledAt: row.disabledAt!,
  }));
}
