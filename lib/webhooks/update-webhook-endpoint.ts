import { mergeMetadata } from '@/lib/api/params';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { validEndpointUrl } from './endpoint-url';
import { endpointUuid } from './ids';
import { lockEndpoint, updateEndpointRow, type Scope } from './repository';
import type { UpdateWebhookEndpointParams } from './schemas';
import { webhookEndpointObject } from './webhook-endpoint-object';

/**
 * Stripe's update: absent parameters keep their value, metadata merges by
 * key, `disabled` switches the status. Enabling again clears the reason the
 * system disabled it for (and its failing streak), so the banner goes away.
 * Null: no such endpoint for this merchant and mode.
 */
export async function updateWebhookEndpoint(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: UpdateWebhookEndpointParams,
) {
  const uuid = endpointUuid(id);
  if (!uuid) return null;
  const row = await lockEndpoint(tx, scope, uuid);
  if (!row) return null;
  const now = clock.now();
  const url = params.url !== undefined ? await validEndpointUrl(params.url, scope.livemode) : row.url;
  const status =
    params.disabled === true
      ? 'disabled'
      : params.disabled === false
        ? 'enabled'
        : (row.status as 'enabled' | 'disabled');
  const statusChange =
    status === row.status
      ? {}
      : status === 'disabled'
        ? { status, disabledReason: 'manual', disabledAt: now }
        : { status, disabledReason: null, disabledAt: null, failingSince: null };
  const updated = await updateEndpointRow(tx, row.id, {
    url,
    description: params.description !== undefined ? params.description : row.description,
    enabledEvents: params.enabled_events ?? row.enabledEvents,
    metadata: mergeMetadata(row.metadata as Record<string, string>, params.metadata),
    ...statusChange,
    updatedAt: now,
  });
  return webhookEndpointObject(updated);
}
