import { fromPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { eventObject } from '@/lib/events/record-event';
import { findEvent } from '@/lib/events/repository';
import { listDeliveryAttempts } from '../list-delivery-attempts';
import { listWebhookEndpoints } from '../list-webhook-endpoints';
import type { Scope } from '../repository';

/**
 * Developers → Events → one event: its JSON as the API and webhooks show it,
 * every delivery attempt of it (to any endpoint), and the endpoints it can be
 * resent to. A dashboard test event opens too (its endpoint's log links here),
 * marked as such. Null: no such event in this mode.
 */
export async function getEventForDashboard(tx: DbTx, scope: Scope, publicId: string) {
  const id = fromPublicId('evt', publicId);
  const row = id ? await findEvent(tx, scope, id, { includeTestWebhooks: true }) : null;
  if (!row) return null;
  const [attempts, endpoints] = await Promise.all([
    listDeliveryAttempts(tx, scope, { eventId: publicId, limit: 100 }),
    listWebhookEndpoints(tx, scope, { limit: 100, cursor: null }),
  ]);
  return {
    event: eventObject(row),
    testWebhook: row.testWebhook,
    attempts,
    endpoints: endpoints?.data ?? [],
  };
}
