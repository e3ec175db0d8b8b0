import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { purgeInBatches } from '@/lib/db/purge-in-batches';
import { deleteFinishedDeliveriesBefore } from './deliveries-repository';

/**
 * The delivery log's retention (the hourly `purge_webhook_deliveries` job):
 * deliveries finished more than WEBHOOK_LOG_RETENTION_DAYS ago go, with their
 * attempts (ON DELETE CASCADE). Pending deliveries are never older than 3
 * days, so nothing in progress is touched. Batches of short transactions
 * (lib/db/purge-in-batches.ts).
 */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;
const BATCH = 2_000;

export function purgeDeliveryLog(now = clock.now()): Promise<number> {
  return purgeInBatches(
    db(),
    { now, retentionDays: WEBHOOK_LOG_RETENTION_DAYS, batchSize: BATCH },
    deleteFinishedDeliveriesBefore,
  );
}
