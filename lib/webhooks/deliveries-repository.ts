import { Prisma } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { inOrder, pageIds } from '@/lib/api/list';
import type { AttemptRow, DeliveryRow, Scope } from './repository';
import { sealAttemptBody } from './attempt-body';

/**
 * The second half of the webhooks repository (split for length; repository.ts
 * has the endpoints): the only code that queries webhook_deliveries and
 * webhook_delivery_attempts. The dashboard's reads take the merchant and the
 * mode; the worker's functions work on one delivery or endpoint by id and
 * carry the merchant and mode on from the row.
 */
// ---------------------------------------------------------------------------
// Deliveries
// ---------------------------------------------------------------------------

export type DeliveryKind = 'automatic' | 'resend' | 'test';

export interface NewDelivery {
  eventId: string;
  endpointId: string;
  kind: DeliveryKind;
}

/**
 * A pending delivery due at `at`. Automatic deliveries are unique per (event,
 * endpoint): a second insert is a no-op and returns null.
 */
export async function insertDelivery(
  tx: DbTx,
  scope: Scope,
  d: NewDelivery,
  at: Date,
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO webhook_deliveries
      (merchant_id, livemode, event_id, endpoint_id, kind, status, next_attempt_at, created_at, updated_at)
    VALUES (${scope.merchantId}::uuid, ${scope.livemode}, ${d.eventId}::uuid, ${d.endpointId}::uuid,
            ${d.kind}, 'pending', ${at}, ${at}, ${at})
    ON CONFLICT (event_id, endpoint_id) WHERE kind = 'automatic' DO NOTHING
    RETURNING id::text AS id`;
  return rows[0]?.id ?? null;
}

/** Worker: a delivery by id, locked for its bookkeeping. */
export async function lockDelivery(tx: DbTx, id: string): Promise<DeliveryRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM webhook_deliveries WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
  if (rows.length === 0) return null;
  return tx.webhookDelivery.findUnique({ where: { id } });
}

export function updateDeliveryRow(tx: DbTx, id: string, data: Prisma.WebhookDeliveryUpdateInput) {
  return tx.webhookDelivery.update({ where: { id }, data });
}

/** How many of an endpoint's deliveries have an attempt in flight (lease not yet run out). */
export function countInFlight(tx: DbTx, endpointId: string, now: Date): Promise<number> {
  return tx.webhookDelivery.count({
    where: { endpointId, status: 'pending', leaseUntil: { gt: now } },
  });
}

/** How many of an endpoint's pending deliveries are due and waiting (no attempt in flight). */
export function countWaiting(tx: DbTx, endpointId: string, now: Date): Promise<number> {
  return tx.webhookDelivery.count({
    where: {
      endpointId,
      status: 'pending',
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }],
    },
  });
}

/** The endpoint's oldest due deliveries with no attempt in flight, other than `except`. */
export function nextWaitingDeliveries(
  tx: DbTx,
  endpointId: string,
  now: Date,
  except: string,
  limit: number,
) {
  return tx.webhookDelivery.findMany({
    where: {
      endpointId,
      status: 'pending',
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }],
      NOT: { id: except },
    },
    orderBy: { nextAttemptAt: 'asc' },
    select: { id: true },
    take: limit,
  });
}

/**
 * The sweep: pending deliveries due before `dueBefore` with no attempt in
 * flight at `now`, oldest first. Their job was lost (a worker killed with
 * the job locked) or is late; re-adding it under the same job key is harmless.
 */
export function overdueDeliveries(
  tx: DbTx,
  dueBefore: Date,
  now: Date,
  limit: number,
): Promise<{ id: string; nextAttemptAt: Date | null }[]> {
  return tx.webhookDelivery.findMany({
    where: {
      status: 'pending',
      nextAttemptAt: { lte: dueBefore },
      OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }],
    },
    select: { id: true, nextAttemptAt: true },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
  });
}

// ---------------------------------------------------------------------------
// Attempts
// ---------------------------------------------------------------------------

export interface NewAttempt {
  deliveryId: string;
  eventId: string;
  endpointId: string;
  attempt: number;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  succeeded: boolean;
}

/** The request body is sealed on the way in (attempt-body.ts). */
export async function insertAttempt(tx: DbTx, scope: Scope, a: NewAttempt, at: Date): Promise<void> {
  await tx.webhookDeliveryAttempt.create({
    data: {
      ...a,
      ...sealAttemptBody(a.deliveryId, a.attempt, a.requestBody),
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      createdAt: at,
    },
    select: { id: true },
  });
}

export interface AttemptFilter {
  endpointId?: string;
  eventId?: string;
}

export interface AttemptListRow extends AttemptRow {
  eventType: string;
}

/**
 * Attempts newest first, for one endpoint and/or one event, after the cursor
 * attempt `startingAfter` (an attempt id of the same filter). Null when the
 * cursor is not one of them.
 */
export async function pageAttempts(
  tx: DbTx,
  scope: Scope,
  filter: AttemptFilter,
  limit: number,
  startingAfter: string | undefined,
): Promise<AttemptListRow[] | null> {
  const page = await pageIds(
    tx,
    Prisma.raw('webhook_delivery_attempts'),
    [
      Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
      Prisma.sql`livemode = ${scope.livemode}`,
      ...(filter.endpointId ? [Prisma.sql`endpoint_id = ${filter.endpointId}::uuid`] : []),
      ...(filter.eventId ? [Prisma.sql`event_id = ${filter.eventId}::uuid`] : []),
    ],
    { limit, cursor: startingAfter ? { id: startingAfter, direction: 'after' } : null },
  );
  if (!page) return null;
  const rows = await tx.webhookDeliveryAttempt.findMany({
    where: { id: { in: page.ids } },
    include: { event: { select: { type: true } } },
  });
  return inOrder(page.ids, rows).map(({ event, ...row }) => ({ ...row, eventType: event.type }));
}

/**
 * Closes an endpoint's pending deliveries as failed (it was disabled or
 * deleted). Deliveries another worker holds locked are skipped: that worker
 * sees the endpoint disabled and closes its own. Returns the closed rows' events.
 */
export async function closePendingDeliveries(tx: DbTx, endpointId: string, at: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ event_id: string }[]>`
    UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, lease_until = NULL,
           completed_at = ${at}, updated_at = ${at}
    WHERE id IN (
      SELECT id FROM webhook_deliveries
      WHERE endpoint_id = ${endpointId}::uuid AND status = 'pending'
      FOR NO KEY UPDATE SKIP LOCKED)
    RETURNING event_id::text AS event_id`;
  return rows.map((r) => r.event_id);
}

/** Retention: up to `limit` finished deliveries completed before `before` (their attempts go with them). */
export function deleteFinishedDeliveriesBefore(tx: DbTx, before: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM webhook_deliveries WHERE id IN (
      SELECT id FROM webhook_deliveries
      WHERE status <> 'pending' AND completed_at < ${before}
      LIMIT ${limit})`;
}

/** Master-key rotation (npm run vault:rotate): sealed attempt bodies after `after` (by id), every merchant's. */
export function sealedAttemptBodyBatch(
  tx: DbTx,
  after: string | null,
  limit: number,
  lock: boolean,
): Promise<
  { id: string; deliveryId: string; attempt: number; requestBody: string; requestBodyKeyId: string }[]
> {
  return tx.$queryRaw`
    SELECT id::text AS id, delivery_id::text AS "deliveryId", attempt, request_body AS "requestBody",
           request_body_key_id AS "requestBodyKeyId"
    FROM webhook_delivery_attempts
    WHERE request_body_key_id IS NOT NULL ${after ? Prisma.sql`AND id > ${after}::uuid` : Prisma.empty}
    ORDER BY id LIMIT ${limit} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
}

export async function writeSealedAttemptBody(tx: DbTx, id: string, requestBody: string, keyId: string) {
  await tx.webhookDeliveryAttempt.update({
    where: { id },
    data: { requestBody, requestBodyKeyId: keyId },
    select: { id: true },
  });
}
