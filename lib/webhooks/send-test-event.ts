import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { fromPublicId } from '@/lib/api/object-id';
import { addPendingWebhook, markTestWebhookEvent } from '@/lib/events/outbox';
import { recordEvent } from '@/lib/events/record-event';
import { isKnownEventType } from './event-types';
import { requireEndpointUuid } from './ids';
import { enqueueDelivery } from './jobs';
import { insertDelivery } from './deliveries-repository';
import { findEndpoint, type Scope } from './repository';
import { sampleObject } from './sample-object';

/**
 * The dashboard's "Send test event": records an event of `type` around a
 * sample object (ids ending in `_test_webhook`, metadata `test_webhook:
 * "true"`), marks it as a test (events.test_webhook: not in the event history
 * and never fanned out by the relay) and queues its delivery to this one
 * endpoint, signed like any other.
 */
export async function sendTestEvent(
  tx: DbTx,
  scope: Scope,
  { endpointId, type }: { endpointId: string; type: string },
): Promise<{ eventId: string; deliveryId: string }> {
  if (!isKnownEventType(type)) {
    throw invalidRequest(`Unknown event type: ${type.slice(0, 100)}`, {
      code: 'parameter_invalid',
      param: 'type',
    });
  }
  const endpoint = await findEndpoint(tx, scope, requireEndpointUuid(endpointId));
  if (!endpoint) throw resourceMissing('webhook endpoint', endpointId);
  if (endpoint.status !== 'enabled') {
    throw invalidRequest('This webhook endpoint is disabled. Enable it before sending a test event.', {
      code: 'webhook_endpoint_disabled',
    });
  }
  const now = clock.now();
  const eventId = await recordEvent(tx, scope, { type, object: sampleObject(type, scope.livemode, now) });
  const eventUuid = fromPublicId('evt', eventId)!;
  await markTestWebhookEvent(tx, eventUuid, now);
  const deliveryId = (await insertDelivery(
    tx,
    scope,
    { eventId: eventUuid, endpointId: endpoint.id, kind: 'test' },
    now,
  ))!;
  await addPendingWebhook(tx, eventUuid);
  await enqueueDelivery(tx, deliveryId, now);
  return { eventId, deliveryId };
}
