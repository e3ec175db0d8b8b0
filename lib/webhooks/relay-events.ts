import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { lockUnpublishedEvents, markEventPublished } from '@/lib/events/outbox';
import type { Event } from '@/lib/db/generated/client';
import { endpointWants } from './event-types';
import { enqueueDelivery } from './jobs';
import { publishEventStream } from './publish-event-stream';
import { insertDelivery } from './deliveries-repository';
import { enabledEndpoints, type EndpointRow } from './repository';

/**
 * The outbox relay (the `webhooks_relay` job). In one transaction per batch:
 * claim the oldest committed, unpublished events (FOR UPDATE SKIP LOCKED),
 * create a delivery and its graphile-worker job for every enabled endpoint
 * of the same merchant and mode that subscribes to the type (and existed
 * when the event happened), set pending_webhooks and published_at. Only
 * committed events are visible here, so a rolled-back change never delivers;
 * a relay killed mid-batch rolls back and the next one redoes the batch.
 * After the commit each event goes to its merchant's Redis stream.
 */
export const RELAY_BATCH = 100;

export async function relayBatch(limit = RELAY_BATCH): Promise<Event[]> {
  const published = await db().$transaction(
    async (tx) => {
      const events = await lockUnpublishedEvents(tx, limit);
      const now = clock.now();
      const endpointsByScope = new Map<string, EndpointRow[]>();
      for (const event of events) {
        const scope = { merchantId: event.merchantId, livemode: event.livemode };
        const key = `${scope.merchantId}:${scope.livemode}`;
        let endpoints = endpointsByScope.get(key);
        if (!endpoints) {
          endpoints = await enabledEndpoints(tx, scope);
          endpointsByScope.set(key, endpoints);
        }
        let created = 0;
        for (const endpoint of endpoints) {
          if (endpoint.createdAt > event.createdAt || !endpointWants(endpoint.enabledEvents, event.type))
            continue;
          const deliveryId = await insertDelivery(
            tx,
            scope,
            { eventId: event.id, endpointId: endpoint.id, kind: 'automatic' },
            now,
          );
          if (!deliveryId) continue;
          await enqueueDelivery(tx, deliveryId, now);
          created += 1;
        }
        await markEventPublished(tx, event.id, created, now);
      }
      return events;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  await publishEventStream(published);
  return published;
}

/** Relays until no unpublished event is left; returns how many were relayed. */
export async function relayEvents(): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await relayBatch();
    total += batch.length;
    if (batch.length < RELAY_BATCH) return total;
  }
}
