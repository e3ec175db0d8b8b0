import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { enqueueDelivery } from './jobs';
import { overdueDeliveries } from './deliveries-repository';

/**
 * The safety net (the `webhooks_sweep` job, every few seconds): a pending
 * delivery that is due for more than GRACE_MS with no attempt in flight has
 * lost its job — a worker was killed holding it (graphile-worker only frees
 * such a job after 4 hours), or it was created before graphile-worker's schema
 * existed. Its job is added again under the same key: a waiting one is
 * replaced, not doubled; a stuck one is superseded.
 */
export const GRACE_MS = 10_000;
const BATCH = 500;

export async function requeueOverdueDeliveries(): Promise<number> {
  const now = clock.now();
  return db().$transaction(async (tx) => {
    const overdue = await overdueDeliveries(tx, new Date(now.getTime() - GRACE_MS), now, BATCH);
    for (const d of overdue) await enqueueDelivery(tx, d.id, now);
    return overdue.length;
  });
}
