import { resourceMissing } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { requireEndpointUuid } from './ids';
import { findEndpoint, type Scope } from './repository';
import { signingSecrets } from './signing-secrets';

/**
 * The dashboard's "Reveal": the current secret, and the previous one while a
 * roll's overlap lasts. Throws resource_missing for another merchant's id.
 */
export async function revealWebhookSecret(
  tx: DbTx,
  scope: Scope,
  id: string,
): Promise<{ secret: string; previous: { secret: string; expiresAt: Date } | null }> {
  const row = await findEndpoint(tx, scope, requireEndpointUuid(id));
  if (!row) throw resourceMissing('webhook endpoint', id);
  const { current, previous } = signingSecrets(row, clock.now());
  return { secret: current, previous };
}
