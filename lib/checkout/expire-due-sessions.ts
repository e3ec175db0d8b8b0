import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { expireLockedSession } from './expire-checkout-session';
import { findSession, lockDueSessions } from './repository';

export const EXPIRY_BATCH = 100;

/**
 * The worker's sweep (every minute): open sessions past expires_at become
 * `expired`, their unpaid PaymentIntents canceled and `checkout.session.expired`
 * recorded. Batches of EXPIRY_BATCH, each in its own transaction with
 * FOR UPDATE SKIP LOCKED, so a session being paid right now (its row locked)
 * is left for the next run, and two workers never take the same rows.
 * Returns how many sessions were expired.
 */
export async function expireDueSessions(
  options: { batch?: number; maxBatches?: number } = {},
): Promise<number> {
  const batch = options.batch ?? EXPIRY_BATCH;
  const maxBatches = options.maxBatches ?? 50;
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const expired = await db().$transaction(
      async (tx) => {
        const due = await lockDueSessions(tx, clock.now(), batch);
        for (const { id, merchantId, livemode } of due) {
          const scope = { merchantId, livemode };
          const row = await findSession(tx, scope, id);
          if (row) await expireLockedSession(tx, scope, row);
        }
        return due.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    total += expired;
    if (expired < batch) break;
  }
  return total;
}
