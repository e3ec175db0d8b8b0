import { Prisma } from '@/lib/db/generated/client';
import type { Customer } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { createdCondition, inOrder, pageIds, type PageRequest } from '@/lib/api/list';
import type { TimestampRange } from '@/lib/api/params';
import { escapeLike } from '@/lib/admin/like-pattern';

/**
 * The only code that queries `customers`. Every function takes the merchant
 * and the mode: a customer of another merchant, or of the other mode, is
 * simply not found.
 */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export type CustomerRow = Customer;

export interface CustomerWrite {
  email: string | null;
  description: string | null;
  metadata: Record<string, string>;
  encryptedPii: Uint8Array<ArrayBuffer> | null;
  encryptionKeyId: string | null;
  /** The seed's plain phone column; the API keeps phones only in the sealed PII. */
  phone: null;
}

export function insertCustomer(tx: DbTx, scope: Scope, id: string, data: CustomerWrite, createdAt: Date) {
  return tx.customer.create({
    data: {
      id,
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      ...data,
      createdAt,
      updatedAt: createdAt,
    },
  });
}

/** Including deleted customers (retrieve answers those with `deleted: true`). */
export function findCustomer(tx: DbTx, scope: Scope, id: string): Promise<CustomerRow | null> {
  return tx.customer.findFirst({ where: { id, merchantId: scope.merchantId, livemode: scope.livemode } });
}

/** The live (not deleted) customer, locked until the transaction ends: updates read-modify-write PII. */
export async function lockCustomer(tx: DbTx, scope: Scope, id: string): Promise<CustomerRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM customers
    WHERE id = ${id}::uuid AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
      AND deleted_at IS NULL
    FOR UPDATE`;
  if (rows.length === 0) return null;
  return findCustomer(tx, scope, id);
}

export function updateCustomerRow(tx: DbTx, id: string, data: CustomerWrite) {
  return tx.customer.update({ where: { id }, data });
}

/** Deleting keeps the row (payments reference it) and drops its personal data. */
export function markCustomerDeleted(tx: DbTx, id: string, at: Date) {
  return tx.customer.update({
    where: { id },
    data: { deletedAt: at, isActive: false, encryptedPii: null, encryptionKeyId: null, phone: null },
  });
}

export interface CustomerFilter {
  email?: string;
  created?: TimestampRange;
}

export async function pageCustomers(tx: DbTx, scope: Scope, filter: CustomerFilter, page: PageRequest) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    Prisma.sql`deleted_at IS NULL`,
    ...(filter.email !== undefined ? [Prisma.sql`email = ${filter.email}`] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('customers'), conditions, page);
  if (!result) return null;
  const rows = await tx.customer.findMany({ where: { id: { in: result.ids } } });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}

// ---------------------------------------------------------------------------
// Key rotation: every customer's sealed PII, whatever its merchant, by id.
// ---------------------------------------------------------------------------
export type SealedPii = { id: string; encryptedPii: Uint8Array<ArrayBuffer>; encryptionKeyId: string };

/** The next batch of sealed records after `after` (by id), locked for rewriting. */
export async function lockSealedPiiBatch(tx: DbTx, after: string | null, limit: number): Promise<SealedPii[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM customers
    WHERE encrypted_pii IS NOT NULL ${after ? Prisma.sql`AND id > ${after}::uuid` : Prisma.empty}
    ORDER BY id LIMIT ${limit} FOR UPDATE`;
  return sealedPiiRows(tx, rows.map((r) => r.id));
}

export async function sealedPiiBatch(tx: DbTx, after: string | null, limit: number): Promise<SealedPii[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM customers
    WHERE encrypted_pii IS NOT NULL ${after ? Prisma.sql`AND id > ${after}::uuid` : Prisma.empty}
    ORDER BY id LIMIT ${limit}`;
  return sealedPiiRows(tx, rows.map((r) => r.id));
}

async function sealedPiiRows(tx: DbTx, ids: string[]): Promise<SealedPii[]> {
  if (ids.length === 0) return [];
  const rows = await tx.customer.findMany({
    where: { id: { in: ids } },
    select: { id: true, encryptedPii: true, encryptionKeyId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is SealedPii => !!r && r.encryptedPii !== null && r.encryptionKeyId !== null);
}

export async function writeSealedPii(tx: DbTx, id: string, encryptedPii: Uint8Array<ArrayBuffer>, keyId: string) {
  await tx.customer.update({ where: { id }, data: { encryptedPii, encryptionKeyId: keyId }, select: { id: true } });
}

// ---------------------------------------------------------------------------
// Dashboard
// ---------------------------------------------------------------------------

/** Emails of a page's customers in one query (deleted ones included: old payments still name them). */
export function findCustomerEmails(tx: DbTx, scope: Scope, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.customer.findMany({
    where: { id: { in: ids }, merchantId: scope.merchantId, livemode: scope.livemode },
    select: { id: true, email: true, deletedAt: true },
  });
}

/** Dashboard → Customers: newest first, optionally those whose email starts with `emailPrefix`. */
export async function pageCustomersByEmailPrefix(
  tx: DbTx,
  scope: Scope,
  emailPrefix: string | undefined,
  page: PageRequest,
) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    Prisma.sql`deleted_at IS NULL`,
    // Literal prefix: %, _ and \ in what was typed match themselves.
    ...(emailPrefix ? [Prisma.sql`lower(email) LIKE ${`${escapeLike(emailPrefix.toLowerCase())}%`}`] : []),
  ];
  const result = await pageIds(tx, Prisma.raw('customers'), conditions, page);
  if (!result) return null;
  const rows = await tx.customer.findMany({ where: { id: { in: result.ids } } });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}
