import type { Task } from 'graphile-worker';
import { db } from '@/lib/db/client';
import { ensureTransactionPartitions } from '@/lib/db/partitions';

// Three months of runway: a worker that is down for weeks still never lets a
// month's payments fall into the default partition.
const MONTHS_AHEAD = 3;

export const ensurePartitions: Task = async (_payload, helpers) => {
  const created = await ensureTransactionPartitions(db(), { from: new Date(), monthsAhead: MONTHS_AHEAD });
  helpers.logger.info(
    created.length ? `created partitions ${created.join(', ')}` : 'transaction partitions up to date',
  );
};
