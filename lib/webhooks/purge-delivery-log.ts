import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { deleteFinishedDeliveriesBefore } from './deliveries-repository';

/**
 * The delivery log's retention (the hourly `purge_webhook_deliveries` job):
 * deliveries finished more than WEBHOOK_LOG_RETENTION_DAYS ago go, with their
 * attempts (ON DELETE CASCADE). Pending deliveries are never older than 3
 * days, so nothing in progress is touched. Batches of short transactions, as
 * for the API request logs.
 */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;
const BATCH = 2_000;

export async function purgeDeliveryLog(now = clock.now()): Promise<number> {
  const cutoff = new Date(now.getTime() - WEBHOOK_LOG_RETENTION_DAYS * 24 * 3600_000);
  let total = 0;
  for (;;) {
    const deleted = await deleteFinishedDeliveriesBefore(db(), cutoff, BATCH);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
