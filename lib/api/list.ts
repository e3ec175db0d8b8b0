import { Prisma } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { invalidRequest, resourceMissing } from './errors';
import type { TimestampRange } from './params';

/**
 * Stripe's list envelope and cursor pagination, newest first. Pages are cut on
 * the (created_at, id) pair compared in SQL, so rows created in the same
 * microsecond are neither skipped nor repeated, and the SDK's auto-pagination
 * walks a list exactly once. Cursors are object ids; a cursor this merchant
 * cannot see is "No such …", as at Stripe.
 */
export interface ListEnvelope<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export function listEnvelope<T>(url: string, data: T[], hasMore: boolean): ListEnvelope<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

export const DEFAULT_LIMIT = 10;

export interface PageRequest {
  limit?: number;
  /** Decoded cursor (a row id) and its direction. */
  cursor?: { id: string; direction: 'after' | 'before' } | null;
}

/** `created=…` / `created[gte]=…` as SQL on the given column (Unix seconds). */
export function createdCondition(
  range: TimestampRange | undefined,
  column = Prisma.raw('created_at'),
): Prisma.Sql[] {
  if (range === undefined) return [];
  if (typeof range === 'number') {
    return [
      Prisma.sql`${column} >= to_timestamp(${range})`,
      Prisma.sql`${column} < to_timestamp(${range + 1})`,
    ];
  }
  const out: Prisma.Sql[] = [];
  if (range.gt !== undefined) out.push(Prisma.sql`${column} >= to_timestamp(${range.gt + 1})`);
  if (range.gte !== undefined) out.push(Prisma.sql`${column} >= to_timestamp(${range.gte})`);
  if (range.lt !== undefined) out.push(Prisma.sql`${column} < to_timestamp(${range.lt})`);
  if (range.lte !== undefined) out.push(Prisma.sql`${column} < to_timestamp(${range.lte + 1})`);
  return out;
}

/**
 * One page of ids from `table`, filtered by `conditions` (which must include
 * the merchant and mode), newest first. Returns null when the cursor row is
 * not among the rows `conditions` admit.
 */
export async function pageIds(
  tx: DbTx,
  table: Prisma.Sql,
  conditions: Prisma.Sql[],
  page: PageRequest,
): Promise<{ ids: string[]; hasMore: boolean } | null> {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const where = Prisma.join(conditions, ' AND ');
  const cursor = page.cursor;
  if (cursor) {
    const found = await tx.$queryRaw<{ one: number }[]>`
      SELECT 1 AS one FROM ${table} WHERE ${where} AND id = ${cursor.id}::uuid`;
    if (found.length === 0) return null;
  }
  const cursorRow = cursor
    ? Prisma.sql`(SELECT created_at, id FROM ${table} WHERE id = ${cursor.id}::uuid)`
    : null;
  const rows =
    cursor?.direction === 'before'
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT id::text AS id FROM ${table}
          WHERE ${where} AND (created_at, id) > ${cursorRow}
          ORDER BY created_at ASC, id ASC LIMIT ${limit + 1}`
      : await tx.$queryRaw<{ id: string }[]>`
          SELECT id::text AS id FROM ${table}
          WHERE ${where} ${cursorRow ? Prisma.sql`AND (created_at, id) < ${cursorRow}` : Prisma.empty}
          ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`;
  const hasMore = rows.length > limit;
  const ids = rows.slice(0, limit).map((r) => r.id);
  if (cursor?.direction === 'before') ids.reverse();
  return { ids, hasMore };
}

/** Rows fetched by id, back in the page's order. */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/**
 * The page a list request asks for. A cursor that is not a well-formed id of
 * this object type is "No such …" before any query runs.
 */
export function pageRequest(
  params: { limit?: number; starting_after?: string; ending_before?: string },
  decode: (id: string) => string | null,
  label: string,
): PageRequest {
  if (params.starting_after !== undefined && params.ending_before !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', {
      code: 'parameter_invalid',
      param: 'ending_before',
    });
  }
  const param = params.starting_after !== undefined ? 'starting_after' : 'ending_before';
  const publicId = params.starting_after ?? params.ending_before;
  if (publicId === undefined) return { limit: params.limit, cursor: null };
  const id = decode(publicId);
  if (!id) throw resourceMissing(label, publicId, param);
  return { limit: params.limit, cursor: { id, direction: param === 'starting_after' ? 'after' : 'before' } };
}

/** A cursor the query did not find among the merchant's objects. */
export function cursorMissing(
  params: { starting_after?: string; ending_before?: string },
  label: string,
): never {
  const param = params.starting_after !== undefined ? 'starting_after' : 'ending_before';
  throw resourceMissing(label, params.starting_after ?? params.ending_before ?? '', param);
}
