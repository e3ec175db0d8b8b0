import { toPublicId } from '@/lib/api/object-id';
import { openAttemptBody } from './attempt-body';
import type { DbTx } from '@/lib/db/client';
import { endpointUuid } from './ids';
import { fromPublicId } from '@/lib/api/object-id';
import { pageAttempts } from './deliveries-repository';
import { type Scope } from './repository';

/**
 * The delivery log (dashboard: per endpoint and per event), newest first.
 * `endpointId` is a `we_…` id, `eventId` an `evt_…` id; `startingAfter` the
 * `id` of the last row of the previous page. An id that is malformed or
 * not this merchant's gives an empty list.
 */
export interface DeliveryAttemptRow {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  requestHeaders: Record<string, string>;
  requestBody: string;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function listDeliveryAttempts(
  tx: DbTx,
  scope: Scope,
  query: { endpointId?: string; eventId?: string; limit: number; startingAfter?: string },
): Promise<DeliveryAttemptRow[]> {
  const endpoint = query.endpointId !== undefined ? endpointUuid(query.endpointId) : undefined;
  const event = query.eventId !== undefined ? fromPublicId('evt', query.eventId) : undefined;
  if (endpoint === null || event === null) return [];
  if (query.startingAfter !== undefined && !UUID.test(query.startingAfter)) return [];
  const limit = Math.min(Math.max(Math.trunc(query.limit), 1), 100);
  const rows = await pageAttempts(
    tx,
    scope,
    { endpointId: endpoint, eventId: event },
    limit,
    query.startingAfter,
  );
  return (rows ?? []).map((r) => ({
    id: r.id,
    eventId: toPublicId('evt', r.eventId),
    eventType: r.eventType,
    endpointId: toPublicId('we', r.endpointId),
    url: r.url,
    attempt: r.attempt,
    status: r.succeeded ? 'succeeded' : 'failed',
    requestHeaders: r.requestHeaders as Record<string, string>,
    requestBody: openAttemptBody(r),
    responseStatus: r.responseStatus,
    responseBody: r.responseBody,
    durationMs: r.durationMs,
    error: r.error,
    createdAt: r.createdAt,
  }));
}
