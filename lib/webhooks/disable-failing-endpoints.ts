import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { disableEndpoint } from './disable-endpoint';
import { endpointsFailingSince, lockEndpoint } from './repository';
import { FAILING_DISABLE_AFTER_MS } from './retry-schedule';

/**
 * The hourly check (`webhooks_disable_failing`): endpoints with no successful
 * delivery for 3 days since their first failure are disabled (and their
 * owners told), even if no delivery attempt happens to run at that moment.
 */
export async function disableFailingEndpoints(): Promise<number> {
  const now = clock.now();
  const candidates = await endpointsFailingSince(
    db(),
    new Date(now.getTime() - FAILING_DISABLE_AFTER_MS),
    500,
  );
  let disabled = 0;
  for (const c of candidates) {
    await db().$transaction(async (tx) => {
      const endpoint = await lockEndpoint(tx, c, c.id);
      if (!endpoint || endpoint.status !== 'enabled' || !endpoint.failingSince) return;
      if (now.getTime() - endpoint.failingSince.getTime() < FAILING_DISABLE_AFTER_MS) return;
      await disableEndpoint(tx, endpoint, 'failing', now);
      disabled += 1;
    });
  }
  return disabled;
}
