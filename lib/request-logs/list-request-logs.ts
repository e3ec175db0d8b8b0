import type { Mode } from '@/lib/auth/sessions';
import { db, type DbTx } from '@/lib/db/client';
import type { LogCursor, RequestLogFilter } from './filters';
import { pageRequestLogs, requestLogInScope, requestLogsBeyond, type RequestLogSummary } from './repository';

/**
 * Developers → Logs: a merchant's /v1 requests in one mode, newest first, in
 * pages of REQUEST_LOG_PAGE_SIZE. Pages are keyed by a request id rather than
 * an offset, so a page stays put while new requests keep arriving at the top,
 * and a deep page costs no more than the first.
 */
export const REQUEST_LOG_PAGE_SIZE = 50;

export interface RequestLogPage {
  rows: RequestLogSummary[];
  /** Cursor for the next older page (the last row's request id), when there is one. */
  olderThan: string | null;
  /** Cursor for the next newer page (the first row's request id), when there is one. */
  newerThan: string | null;
}

/** Null when the cursor is not a request of this merchant in this mode. */
export async function listRequestLogs(
  merchantId: string,
  mode: Mode,
  filter: RequestLogFilter,
  cursor: LogCursor | null = null,
  tx: DbTx = db(),
): Promise<RequestLogPage | null> {
  const scope = { merchantId, livemode: mode === 'live' };
  if (cursor && !(await requestLogInScope(tx, scope, cursor.requestId))) return null;
  const { rows, more } = await pageRequestLogs(tx, scope, filter, REQUEST_LOG_PAGE_SIZE, cursor);
  const first = rows[0]?.requestId;
  const last = rows.at(-1)?.requestId;
  // `more` answers for the direction walked; the other side is looked up.
  const beyond = (requestId: string | undefined, direction: LogCursor['direction']) =>
    requestId !== undefined && cursor !== null
      ? requestLogsBeyond(tx, scope, filter, { requestId, direction })
      : false;
  const [hasNewer, hasOlder] = await Promise.all([
    cursor?.direction === 'newer' ? more : beyond(first, 'newer'),
    cursor?.direction === 'newer' ? beyond(last, 'older') : more,
  ]);
  return {
    rows,
    olderThan: hasOlder && last !== undefined ? last : null,
    newerThan: hasNewer && first !== undefined ? first : null,
  };
}
