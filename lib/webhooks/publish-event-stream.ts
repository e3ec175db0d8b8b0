import { EVENT_STREAM_MAXLEN, eventStreamKey } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import type { Event } from '@/lib/db/generated/client';
import { toPublicId } from '@/lib/api/object-id';
import { log } from '@/lib/log';

/**
 * After the relay commits, each event goes to its merchant's Redis stream for
 * the dashboard's live updates:
 *
 *   XADD stream:events:<merchantId> MAXLEN ~ 10000 * id evt_… type … livemode 0|1 object_id … created <unix>
 *
 * Redis is volatile here, so this is a notification, not a record: if Redis
 * is down (or the worker dies between the commit and this call) the entry is
 * missing and open pages simply catch up on their next load. Never fails the
 * relay.
 */
export async function publishEventStream(events: Event[]): Promise<void> {
  if (events.length === 0) return;
  const pipeline = redis().pipeline();
  for (const e of events) {
    const object = (e.data as { object?: { id?: unknown } }).object;
    pipeline.xadd(
      eventStreamKey(e.merchantId),
      'MAXLEN',
      '~',
      String(EVENT_STREAM_MAXLEN),
      '*',
      'id',
      toPublicId('evt', e.id),
      'type',
      e.type,
      'livemode',
      e.livemode ? '1' : '0',
      'object_id',
      typeof object?.id === 'string' ? object.id : '',
      'created',
      String(Math.floor(e.createdAt.getTime() / 1000)),
    );
  }
  try {
    const results = await pipeline.exec();
    const failed = (results ?? []).filter(([err]) => err).length;
    if (failed) log.warn('event stream publish partly failed', { failed, total: events.length });
  } catch (err) {
    log.warn('event stream publish failed', { err: err instanceof Error ? err.message : String(err) });
  }
}
