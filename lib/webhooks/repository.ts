import { Prisma } from '@/lib/db/generated/client';
import type { WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { inOrder, pageIds, type PageRequest } from '@/lib/api/list';

/**
 * The only code that queries webhook_endpoints (deliveries-repository.ts has
 * webhook_deliveries and webhook_delivery_attempts). Everything the API and
 * dashboard call takes the merchant and the mode; the worker's and the key
 * rotation's functions work on rows by id, whatever their merchant.
 */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export type EndpointRow = WebhookEndpoint;
export type DeliveryRow = WebhookDelivery;
export type AttemptRow = WebhookDeliveryAttempt;

export type DisabledReason = 'manual' | 'failing' | 'gone';

// ---------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------

export interface EndpointWrite {
  url: string;
  description: string | null;
  enabledEvents: string[];
  metadata: Record<string, string>;
  apiVersion: string | null;
  secretCiphertext: Uint8Array<ArrayBuffer>;
  secretKeyId: string;
}

export function insertEndpoint(tx: DbTx, scope: Scope, id: string, data: EndpointWrite, at: Date) {
  return tx.webhookEndpoint.create({
    data: {
      id,
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      ...data,
      createdAt: at,
      updatedAt: at,
    },
  });
}

/** Serializes endpoint creation per merchant and mode, for the per-account cap. */
export async function lockEndpointCreation(tx: DbTx, scope: Scope): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhook_endpoints:${scope.merchantId}:${scope.livemode}`}))`;
}

export function countEndpoints(tx: DbTx, scope: Scope): Promise<number> {
  return tx.webhookEndpoint.count({
    where: { merchantId: scope.merchantId, livemode: scope.livemode, deletedAt: null },
  });
}

/** A live (not deleted) endpoint of this merchant and mode. */
export function findEndpoint(tx: DbTx, scope: Scope, id: string): Promise<EndpointRow | null> {
  return tx.webhookEndpoint.findFirst({
    where: { id, merchantId: scope.merchantId, livemode: scope.livemode, deletedAt: null },
  });
}

/**
 * The same, locked until the transaction ends (updates, rolls, the delivery's
 * bookkeeping). FOR NO KEY UPDATE: it does not conflict with the KEY SHARE
 * locks that inserting deliveries and attempts take on the endpoint (foreign
 * keys), so those never wait on it, and a transaction that inserted an
 * attempt can still take it without a lock-upgrade deadlock.
 */
export async function lockEndpoint(tx: DbTx, scope: Scope, id: string): Promise<EndpointRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM webhook_endpoints
    WHERE id = ${id}::uuid AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
      AND deleted_at IS NULL
    FOR NO KEY UPDATE`;
  if (rows.length === 0) return null;
  return findEndpoint(tx, scope, id);
}

export function updateEndpointRow(tx: DbTx, id: string, data: Prisma.WebhookEndpointUpdateInput) {
  return tx.webhookEndpoint.update({ where: { id }, data });
}

export function markEndpointDeleted(tx: DbTx, id: string, at: Date) {
  return tx.webhookEndpoint.update({ where: { id }, data: { deletedAt: at, updatedAt: at } });
}

export async function pageEndpoints(tx: DbTx, scope: Scope, page: PageRequest) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    Prisma.sql`deleted_at IS NULL`,
  ];
  const result = await pageIds(tx, Prisma.raw('webhook_endpoints'), conditions, page);
  if (!result) return null;
  const rows = await tx.webhookEndpoint.findMany({ where: { id: { in: result.ids } } });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}

/** Enabled endpoints of the merchant and mode: the relay filters them by enabled_events. */
export function enabledEndpoints(tx: DbTx, scope: Scope): Promise<EndpointRow[]> {
  return tx.webhookEndpoint.findMany({
    where: { merchantId: scope.merchantId, livemode: scope.livemode, deletedAt: null, status: 'enabled' },
  });
}

/** Endpoints the system disabled (3 days of failures, or 410 Gone): the dashboard's banner. */
export function systemDisabledEndpoints(tx: DbTx, scope: Scope): Promise<EndpointRow[]> {
  return tx.webhookEndpoint.findMany({
    where: {
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      deletedAt: null,
      status: 'disabled',
      disabledReason: { in: ['failing', 'gone'] },
    },
    orderBy: [{ disabledAt: 'desc' }, { id: 'desc' }],
  });
}

/** Enabled endpoints failing since before `before`, any merchant: the daily disable check. */
export async function endpointsFailingSince(
  tx: DbTx,
  before: Date,
  limit: number,
): Promise<(Scope & { id: string })[]> {
  const rows = await tx.webhookEndpoint.findMany({
    where: { status: 'enabled', deletedAt: null, failingSince: { lte: before } },
    select: { id: true, merchantId: true, livemode: true },
    take: limit,
  });
  return rows;
}

/** The merchant's owners and its name, for the "endpoint disabled" mail. */
export async function merchantOwners(tx: DbTx, merchantId: string) {
  const [merchant, owners] = await Promise.all([
    tx.merchant.findUnique({ where: { id: merchantId }, select: { businessName: true } }),
    tx.merchantMember.findMany({
      where: { merchantId, role: 'owner' },
      select: { user: { select: { userId: true, email: true } } },
    }),
  ]);
  return { businessName: merchant?.businessName ?? 'your account', owners: owners.map((o) => o.user) };
}

// ---------------------------------------------------------------------------
// Master-key rotation: every endpoint's sealed secrets, whatever its merchant.
// ---------------------------------------------------------------------------
export type SealedSecrets = Pick<
  EndpointRow,
  'id' | 'secretCiphertext' | 'secretKeyId' | 'previousSecretCiphertext' | 'previousSecretKeyId'
>;

const sealedSelect = {
  id: true,
  secretCiphertext: true,
  secretKeyId: true,
  previousSecretCiphertext: true,
  previousSecretKeyId: true,
} as const;

/** The next batch of endpoints after `after` (by id), locked for rewriting when `lock`. */
export async function sealedSecretsBatch(
  tx: DbTx,
  after: string | null,
  limit: number,
  lock: boolean,
): Promise<SealedSecrets[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM webhook_endpoints
    ${after ? Prisma.sql`WHERE id > ${after}::uuid` : Prisma.empty}
    ORDER BY id LIMIT ${limit} ${lock ? Prisma.sql`FOR NO KEY UPDATE` : Prisma.empty}`;
  if (rows.length === 0) return [];
  const found = await tx.webhookEndpoint.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: sealedSelect,
  });
  return inOrder(
    rows.map((r) => r.id),
    found,
  );
}

export async function writeSealedSecrets(
  tx: DbTx,
  id: string,
  data: Partial<Omit<SealedSecrets, 'id'>>,
): Promise<void> {
  await tx.webhookEndpoint.update({ where: { id }, data, select: { id: true } });
}
