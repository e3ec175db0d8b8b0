import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { purgeInBatches } from '@/lib/db/purge-in-batches';
import { env } from '@/lib/env';
import { deleteRequestLogsBefore } from './repository';

export const PURGE_BATCH_SIZE = 5_000;

export interface PurgeOptions {
  now?: Date;
  retentionDays?: number;
  batchSize?: number;
}

/**
 * The worker's retention sweep: deletes requests logged more than
 * API_REQUEST_LOG_RETENTION_DAYS ago, in batches of short transactions
 * (lib/db/purge-in-batches.ts).
 */
export function purgeRequestLogs(options: PurgeOptions = {}): Promise<number> {
  return purgeInBatches(
    db(),
    {
      now: options.now ?? clock.now(),
      retentionDays: options.retentionDays ?? env.API_REQUEST_LOG_RETENTION_DAYS,
      batchSize: options.batchSize ?? PURGE_BATCH_SIZE,
    },
    deleteRequestLogsBefore,
  );
}
