import type { DbTx } from '@/lib/db/client';
import { endpointUuid } from './ids';
import { findEndpoint, type Scope } from './repository';
import { webhookEndpointObject } from './webhook-endpoint-object';

/** Null: no such endpoint for this merchant and mode (or deleted). The secret is never included. */
export async function getWebhookEndpoint(tx: DbTx, scope: Scope, id: string) {
  const uuid = endpointUuid(id);
  if (!uuid) return null;
  const row = await findEndpoint(tx, scope, uuid);
  return row ? webhookEndpointObject(row) : null;
}
