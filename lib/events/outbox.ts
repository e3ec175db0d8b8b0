import type { DbTx } from '@/lib/db/client';
import type { Event } from '@/lib/db/generated/client';
import type { EventScope } from './record-event';

/**
 * The outbox side of the `events` table, for the webhooks relay and delivery
 * (lib/webhooks): claiming unpublished events, stamping them published, and
 * counting down `pending_webhooks` as deliveries finish.
 */

/**
 * The oldest committed, unpublished events, locked for this transaction.
 * SKIP LOCKED lets several relays run side by side without waiting on, or
 * double-publishing, each other's batch (idx_events_unpublished).
 */
export async function lockUnpublishedEvents(tx: DbTx, limit: number): Promise<Event[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM events
    WHERE published_at IS NULL
    ORDER BY created_at, id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return [];
  const events = await tx.event.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

export async function markEventPublished(tx: DbTx, id: string, deliveries: number, at: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE events SET published_at = ${at}, pending_webhooks = pending_webhooks + ${deliveries}
    WHERE id = ${id}::uuid`;
}

/** A delivery was added outside the relay (a resend, a test event). */
export async function addPendingWebhook(tx: DbTx, id: string): Promise<void> {
  await tx.$executeRaw`UPDATE events SET pending_webhooks = pending_webhooks + 1 WHERE id = ${id}::uuid`;
}

/** A delivery finished (succeeded, or failed for good). */
export async function finishPendingWebhook(tx: DbTx, id: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE events SET pending_webhooks = pending_webhooks - 1 WHERE id = ${id}::uuid AND pending_webhooks > 0`;
}

/** A dashboard test event: published at once (the relay skips it) and kept out of the event history. */
export async function markTestWebhookEvent(tx: DbTx, id: string, at: Date): Promise<void> {
  await tx.$executeRaw`UPDATE events SET test_webhook = true, published_at = ${at} WHERE id = ${id}::uuid`;
}

export function findEvent(tx: DbTx, scope: EventScope, id: string): Promise<Event | null> {
  return tx.event.findFirst({ where: { id, merchantId: scope.merchantId, livemode: scope.livemode } });
}
