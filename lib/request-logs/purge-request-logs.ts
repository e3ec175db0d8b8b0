import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { deleteRequestLogsBefore } from './repository';

const DAY_MS = 24 * 60 * 60 * 1000;
export const PURGE_BATCH_SIZE = 5_000;

export interface PurgeOptions {
  now?: Date;
  retentionDays?: number;
  batchSize?: number;
}

/**
 * The worker's retention sweep: deletes requests logged more than
 * API_REQUEST_LOG_RETENTION_DAYS ago. It deletes in batches, each its own
 * short transaction on the plain client (deliberately no `tx` parameter): a
 * backlog of millions of rows never becomes one long transaction holding locks
 * and bloating WAL, and a sweep cut short keeps what it already deleted.
 */
export async function purgeRequestLogs(options: PurgeOptions = {}): Promise<number> {
  const now = options.now ?? clock.now();
  const retentionDays = options.retentionDays ?? env.API_REQUEST_LOG_RETENTION_DAYS;
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let total = 0;
  for (;;) {
    const deleted = await deleteRequestLogsBefore(db(), cutoff, batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
