import type { Db } from './client';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSweep {
  now: Date;
  retentionDays: number;
  batchSize: number;
}

/**
 * A retention sweep: deletes what is older than `retentionDays` before `now`
 * in batches, each its own short transaction on the plain client (so no `tx`
 * parameter): a backlog of millions of rows never becomes one long transaction
 * holding locks and bloating WAL, and a sweep cut short keeps what it already
 * deleted. `deleteBefore` deletes at most `limit` rows and says how many.
 */
export async function purgeInBatches(
  client: Db,
  sweep: RetentionSweep,
  deleteBefore: (client: Db, cutoff: Date, limit: number) => Promise<number>,
): Promise<number> {
  const cutoff = new Date(sweep.now.getTime() - sweep.retentionDays * DAY_MS);
  let total = 0;
  for (;;) {
    const deleted = await deleteBefore(client, cutoff, sweep.batchSize);
    total += deleted;
    if (deleted < sweep.batchSize) return total;
  }
}
