import { Prisma, type ApiRequestLog } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import type { LogCursor, RequestLogFilter, StatusClass } from './filters';

/**
 * The only code that queries `api_request_logs`. Listing takes the merchant and
 * the mode: another merchant's requests, or the other mode's, are simply not
 * there. Rows without a merchant (a key that was not recognised) belong to no
 * one and are never shown.
 */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export interface RequestLogSummary {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  keyPrefix: string | null;
  errorCode: string | null;
  createdAt: Date;
}

const STATUS_RANGES: Record<StatusClass, [number, number]> = {
  succeeded: [200, 299],
  failed: [400, 599],
  '4xx': [400, 499],
  '5xx': [500, 599],
};

function conditions(scope: Scope, filter: RequestLogFilter): Prisma.Sql {
  const parts = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
  ];
  if (filter.statusClass) {
    const [low, high] = STATUS_RANGES[filter.statusClass];
    parts.push(Prisma.sql`status BETWEEN ${low} AND ${high}`);
  }
  if (filter.status !== undefined) parts.push(Prisma.sql`status = ${filter.status}`);
  // starts_with compares literally: `%` and `_` in the filter are not wildcards.
  if (filter.pathPrefix) parts.push(Prisma.sql`starts_with(path, ${filter.pathPrefix})`);
  if (filter.method) parts.push(Prisma.sql`method = ${filter.method}`);
  return Prisma.join(parts, ' AND ');
}

// Rows are ordered by (created_at, id) and cut on that pair in SQL, through the
// cursor row itself: requests logged in the same microsecond are neither
// skipped nor repeated, and no timestamp goes through a JavaScript Date (which
// would drop the microseconds).
const position = (requestId: string) =>
  Prisma.sql`(SELECT created_at, id FROM api_request_logs WHERE request_id = ${requestId})`;

const SUMMARY = Prisma.sql`
  request_id AS "requestId", method, path, status, duration_ms AS "durationMs",
  key_prefix AS "keyPrefix", error_code AS "errorCode", created_at AS "createdAt"`;

/** True when the request is one of this merchant's in this mode (a usable cursor). */
export async function requestLogInScope(tx: DbTx, scope: Scope, requestId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM api_request_logs
    WHERE request_id = ${requestId} AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}`;
  return rows.length > 0;
}

/** One page, newest first, plus whether more rows lie beyond it in the direction walked. */
export async function pageRequestLogs(
  tx: DbTx,
  scope: Scope,
  filter: RequestLogFilter,
  limit: number,
  cursor: LogCursor | null,
): Promise<{ rows: RequestLogSummary[]; more: boolean }> {
  const where = conditions(scope, filter);
  const rows =
    cursor?.direction === 'newer'
      ? await tx.$queryRaw<RequestLogSummary[]>`
          SELECT ${SUMMARY} FROM api_request_logs
          WHERE ${where} AND (created_at, id) > ${position(cursor.requestId)}
          ORDER BY created_at ASC, id ASC LIMIT ${limit + 1}`
      : await tx.$queryRaw<RequestLogSummary[]>`
          SELECT ${SUMMARY} FROM api_request_logs
          WHERE ${where} ${cursor ? Prisma.sql`AND (created_at, id) < ${position(cursor.requestId)}` : Prisma.empty}
          ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  if (cursor?.direction === 'newer') page.reverse();
  return { rows: page, more: rows.length > limit };
}

/** Whether any row matching the filter lies beyond `requestId` in that direction. */
export async function requestLogsBeyond(
  tx: DbTx,
  scope: Scope,
  filter: RequestLogFilter,
  cursor: LogCursor,
): Promise<boolean> {
  const side =
    cursor.direction === 'newer'
      ? Prisma.sql`(created_at, id) > ${position(cursor.requestId)}`
      : Prisma.sql`(created_at, id) < ${position(cursor.requestId)}`;
  const rows = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM api_request_logs WHERE ${conditions(scope, filter)} AND ${side} LIMIT 1`;
  return rows.length > 0;
}

/**
 * One request of this merchant, in either mode. The mode is deliberately not
 * part of the lookup: the link comes from an API error (`request_log_url`),
 * which knows the request but not which mode the dashboard happens to be in.
 * The row says its own mode, and the page shows it.
 */
export function findRequestLog(
  tx: DbTx,
  merchantId: string,
  requestId: string,
): Promise<ApiRequestLog | null> {
  return tx.apiRequestLog.findFirst({ where: { requestId, merchantId } });
}

/**
 * The retention sweep, across every merchant: deletes up to `limit` rows
 * logged before `cutoff` and says how many went. Each call is one short
 * statement (its own transaction unless the caller passes one).
 */
export async function deleteRequestLogsBefore(tx: DbTx, cutoff: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM api_request_logs
    WHERE id IN (SELECT id FROM api_request_logs WHERE created_at < ${cutoff} LIMIT ${limit})`;
}
