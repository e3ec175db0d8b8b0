import type { Task } from 'graphile-worker';
import { deleteExpiredIdempotencyKeys } from '@/lib/api/idempotency';
import { db } from '@/lib/db/client';

/**
 * Idempotency records past their 24 hours. An expired record is already ignored
 * (and replaced) by the pipeline; this only keeps the table small. One
 * statement is enough: an hourly sweep finds about an hour's worth of rows.
 */
export const purgeIdempotencyKeys: Task = async (_payload, helpers) => {
  const deleted = await deleteExpiredIdempotencyKeys(db());
  if (deleted > 0) helpers.logger.info(`deleted ${deleted} expired idempotency keys`);
};
