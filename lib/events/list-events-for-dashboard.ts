import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import type { EventScope } from './record-event';
import { pageEvents } from './repository';

/** Developers → Events: a page of the merchant's events in the dashboard's mode. */
export const EVENT_PAGE_SIZE = 50;

export interface EventSummary {
  id: string;
  type: string;
  /** The id of the object the event is about (`pi_…`, `ch_…`, `cus_…`, …). */
  objectId: string | null;
  pendingWebhooks: number;
  requestId: string | null;
  createdAt: Date;
}

export interface EventCursor {
  /** `evt_…` */
  id: string;
  direction: 'older' | 'newer';
}

/**
 * Newest first, optionally one type or family (`charge.*`). Null when the
 * cursor is not one of this merchant's events in this mode (another mode's
 * link, a purged event): the page then starts at the top.
 */
export async function listEventsForDashboard(
  tx: DbTx,
  scope: EventScope,
  filter: { type?: string },
  cursor: EventCursor | null = null,
) {
  const uuid = cursor ? fromPublicId('evt', cursor.id) : null;
  if (cursor && !uuid) return null;
  const result = await pageEvents(
    tx,
    scope,
    { types: filter.type ? [filter.type] : undefined },
    {
      limit: EVENT_PAGE_SIZE,
      cursor:
        cursor && uuid ? { id: uuid, direction: cursor.direction === 'older' ? 'after' : 'before' } : null,
    },
  );
  if (!result) return null;
  const rows: EventSummary[] = result.rows.map((r) => {
    const object = (r.data as { object?: { id?: unknown } }).object;
    return {
      id: toPublicId('evt', r.id),
      type: r.type,
      objectId: typeof object?.id === 'string' ? object.id : null,
      pendingWebhooks: r.pendingWebhooks,
      requestId: r.requestId,
      createdAt: r.createdAt,
    };
  });
  const first = rows[0]?.id;
  const last = rows.at(-1)?.id;
  const newer = cursor?.direction === 'newer';
  return {
    rows,
    olderThan: newer ? last : result.hasMore ? last : undefined,
    newerThan: newer ? (result.hasMore ? first : undefined) : cursor ? first : undefined,
  };
}
