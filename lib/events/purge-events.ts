import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { purgeInBatches } from '@/lib/db/purge-in-batches';
import { env } from '@/lib/env';
import { deleteEventsBefore } from './repository';

export const PURGE_BATCH_SIZE = 5_000;

export interface PurgeEventsOptions {
  now?: Date;
  retentionDays?: number;
  batchSize?: number;
}

/**
 * The worker's retention sweep for /v1/events: deletes events older than
 * EVENT_RETENTION_DAYS (at least 30, Stripe's window) that no webhook delivery
 * still needs, in batches (lib/db/purge-in-batches.ts); an event still
 * pending delivery simply waits for a later sweep.
 */
export function purgeEvents(options: PurgeEventsOptions = {}): Promise<number> {
  return purgeInBatches(
    db(),
    {
      now: options.now ?? clock.now(),
      retentionDays: Math.max(30, options.retentionDays ?? env.EVENT_RETENTION_DAYS),
      batchSize: options.batchSize ?? PURGE_BATCH_SIZE,
    },
    deleteEventsBefore,
  );
}
