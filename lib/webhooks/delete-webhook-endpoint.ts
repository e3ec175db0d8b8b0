import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { endpointUuid } from './ids';
import { lockEndpoint, markEndpointDeleted, type Scope } from './repository';
import { deletedWebhookEndpointObject } from './webhook-endpoint-object';

/**
 * Deleting stops deliveries at once: the relay no longer fans out to the
 * endpoint and a pending delivery that wakes up finds it gone and closes.
 * The row stays (soft delete) so its delivery log remains readable.
 * Null: no such endpoint (deleting twice is "No such webhook endpoint").
 */
export async function deleteWebhookEndpoint(tx: DbTx, scope: Scope, id: string) {
  const uuid = endpointUuid(id);
  if (!uuid) return null;
  const row = await lockEndpoint(tx, scope, uuid);
  if (!row) return null;
  return deletedWebhookEndpointObject(await markEndpointDeleted(tx, row.id, clock.now()));
}
