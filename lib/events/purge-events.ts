import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { deleteEventsBefore } from './repository';

const DAY_MS = 24 * 60 * 60 * 1000;
export const PURGE_BATCH_SIZE = 5_000;

export interface PurgeEventsOptions {
  now?: Date;
  retentionDays?: number;
  batchSize?: number;
}

/**
 * The worker's retention sweep for /v1/events: deletes events older than
 * EVENT_RETENTION_DAYS (at least 30, Stripe's window) that no webhook delivery
 * still needs. Like the request-log sweep it runs in batches, each its own
 * short transaction on the plain client, so a backlog never becomes one long
 * transaction; an event still pending delivery simply waits for a later sweep.
 */
export async function purgeEvents(options: PurgeEventsOptions = {}): Promise<number> {
  const now = options.now ?? clock.now();
  const retentionDays = Math.max(30, options.retentionDays ?? env.EVENT_RETENTION_DAYS);
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let total = 0;
  for (;;) {
    const deleted = await deleteEventsBefore(db(), cutoff, batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
