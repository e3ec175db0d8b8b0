import type { DbTx } from '@/lib/db/client';

/**
 * Delivery jobs go into graphile-worker's queue in the caller's transaction
 * (`graphile_worker.add_job`), so a delivery row and its job commit or roll
 * back together. The job key is the delivery's: adding it again replaces a
 * waiting job instead of doubling it (and, if the old job is locked by a
 * worker that died, starts a fresh one; docs/webhooks.md).
 *
 * graphile-worker creates its schema when the worker first starts. Until
 * then there is nowhere to add a job; the delivery row alone is enough,
 * because the worker's sweep re-queues every pending delivery that is due.
 */
export const DELIVER_TASK = 'webhook_deliver';
const JOB_MAX_ATTEMPTS = 5;

let installed = false;

async function graphileInstalled(tx: DbTx): Promise<boolean> {
  if (installed) return true;
  const [row] = await tx.$queryRaw<{ ok: boolean }[]>`
    SELECT to_regproc('graphile_worker.add_job') IS NOT NULL AS ok`;
  installed = row?.ok ?? false;
  return installed;
}

export function deliveryJobKey(deliveryId: string): string {
  return `webhook_delivery:${deliveryId}`;
}

export async function enqueueDelivery(tx: DbTx, deliveryId: string, runAt: Date): Promise<void> {
  if (!(await graphileInstalled(tx))) return;
  await tx.$queryRaw`
    SELECT 1 AS one FROM graphile_worker.add_job(
      ${DELIVER_TASK},
      json_build_object('deliveryId', ${deliveryId}::text),
      run_at := ${runAt}::timestamptz,
      max_attempts := ${JOB_MAX_ATTEMPTS}::int,
      job_key := ${deliveryJobKey(deliveryId)}
    )`;
}
