import { createdCondition, inOrder, pageIds, type PageRequest } from '@/lib/api/list';
import type { TimestampRange } from '@/lib/api/params';
import type { DbTx } from '@/lib/db/client';
import { Prisma, type Event } from '@/lib/db/generated/client';
import type { EventScope } from './record-event';

/**
 * Reads of the `events` outbox for the API and the dashboard, and its retention
 * sweep (record-event.ts writes it).
 * Every function takes the merchant and the mode.
 */
export interface ObjectEventRow {
  id: string;
  type: string;
  createdAt: Date;
}

/**
 * The events about one PaymentIntent (`pi_…`), oldest first: those whose
 * object is the intent, and those whose object names it (`refund.*`). The
 * expression matches idx_events_merchant_payment
 * (migration 20261121054000_events_object_index).
 */
export function listPaymentEvents(
  tx: DbTx,
  scope: EventScope,
  paymentIntentId: string,
  limit = 100,
): Promise<ObjectEventRow[]> {
  return tx.$queryRaw<ObjectEventRow[]>`
    SELECT id::text AS id, type, created_at AS "createdAt" FROM events
    WHERE merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
      AND COALESCE(data -> 'object' ->> 'payment_intent', data -> 'object' ->> 'id') = ${paymentIntentId}
    ORDER BY created_at ASC, id ASC
    LIMIT ${limit}`;
}

/** The types a list admits: exact names, `family.*` prefixes, or `*` (all). */
function typeCondition(types: readonly string[] | undefined): Prisma.Sql[] {
  if (!types || types.includes('*')) return [];
  const alternatives = types.map((t) =>
    t.endsWith('.*')
      ? // LIKE's own wildcards (`_` is in nearly every type name) are escaped.
        Prisma.sql`type LIKE ${`${t.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
      : Prisma.sql`type = ${t}`,
  );
  return [Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`];
}

export interface EventFilter {
  types?: readonly string[];
  created?: TimestampRange;
  /** true: delivered everywhere (no webhook pending); false: some endpoint still pending or failed. */
  deliverySuccess?: boolean;
}

/**
 * One page of the merchant's events, newest first, over
 * idx_events_merchant_created. Null when the cursor is not one of them.
 */
export async function pageEvents(tx: DbTx, scope: EventScope, filter: EventFilter, page: PageRequest) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    // Dashboard "Send test event" rows are not part of the event history.
    Prisma.sql`NOT test_webhook`,
    ...typeCondition(filter.types),
    ...(filter.deliverySuccess === true ? [Prisma.sql`pending_webhooks = 0`] : []),
    ...(filter.deliverySuccess === false ? [Prisma.sql`pending_webhooks > 0`] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('events'), conditions, page);
  if (!result) return null;
  const rows = await tx.event.findMany({ where: { id: { in: result.ids } } });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}

/**
 * Another merchant's or mode's event is simply not found; so is a dashboard
 * test event, unless the dashboard asks for it (its delivery log links to it).
 */
export function findEvent(
  tx: DbTx,
  scope: EventScope,
  id: string,
  options: { includeTestWebhooks?: boolean } = {},
): Promise<Event | null> {
  return tx.event.findFirst({
    where: {
      id,
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      ...(options.includeTestWebhooks ? {} : { testWebhook: false }),
    },
  });
}

/**
 * Retention: up to `limit` events created before `cutoff` that no webhook
 * delivery still needs (published by the relay, nothing pending), every
 * merchant's at once, over idx_events_created (migration 20261121062000).
 */
export async function deleteEventsBefore(tx: DbTx, cutoff: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM events WHERE id IN (
      SELECT id FROM events
      WHERE created_at < ${cutoff} AND published_at IS NOT NULL AND pending_webhooks = 0
      ORDER BY created_at
      LIMIT ${limit})`;
}

export interface SealedEventRow {
  id: string;
  sealedData: Uint8Array;
  dataKeyId: string;
}

/**
 * Master-key rotation (npm run vault:rotate): the next batch of events with
 * sealed data after `after` (by id), every merchant's; locked when `lock`.
 */
export async function sealedEventBatch(
  tx: DbTx,
  after: string | null,
  limit: number,
  lock: boolean,
): Promise<SealedEventRow[]> {
  return tx.$queryRaw<SealedEventRow[]>`
    SELECT id::text AS id, sealed_data AS "sealedData", data_key_id AS "dataKeyId" FROM events
    WHERE sealed_data IS NOT NULL ${after ? Prisma.sql`AND id > ${after}::uuid` : Prisma.empty}
    ORDER BY id LIMIT ${limit} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
}

export async function writeSealedEventData(
  tx: DbTx,
  id: string,
  sealed: { sealedData: Uint8Array; dataKeyId: string },
): Promise<void> {
  await tx.$executeRaw`
    UPDATE events SET sealed_data = ${Buffer.from(sealed.sealedData)}, data_key_id = ${sealed.dataKeyId}
    WHERE id = ${id}::uuid`;
}
