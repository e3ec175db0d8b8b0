import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { addPendingWebhook, findEvent } from '@/lib/events/outbox';
import { requireEndpointUuid, requireEventUuid } from './ids';
import { enqueueDelivery } from './jobs';
import { insertDelivery } from './deliveries-repository';
import { findEndpoint, type Scope } from './repository';

/**
 * The dashboard's "Resend": a fresh delivery of the event to the endpoint,
 * whatever happened before and whether or not the endpoint subscribes to
 * the type. Same event id: receivers deduplicating by id see a repeat.
 */
export async function resendEvent(
  tx: DbTx,
  scope: Scope,
  { eventId, endpointId }: { eventId: string; endpointId: string },
): Promise<{ deliveryId: string }> {
  const event = await findEvent(tx, scope, requireEventUuid(eventId));
  if (!event) throw resourceMissing('event', eventId);
  const endpoint = await findEndpoint(tx, scope, requireEndpointUuid(endpointId));
  if (!endpoint) throw resourceMissing('webhook endpoint', endpointId);
  if (endpoint.status !== 'enabled') {
    throw invalidRequest('This webhook endpoint is disabled. Enable it before resending events to it.', {
      code: 'webhook_endpoint_disabled',
    });
  }
  const now = clock.now();
  const deliveryId = (await insertDelivery(
    tx,
    scope,
    { eventId: event.id, endpointId: endpoint.id, kind: 'resend' },
    now,
  ))!;
  await addPendingWebhook(tx, event.id);
  await enqueueDelivery(tx, deliveryId, now);
  return { deliveryId };
}
