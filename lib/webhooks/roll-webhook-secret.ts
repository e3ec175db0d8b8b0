import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { requireEndpointUuid } from './ids';
import { lockEndpoint, updateEndpointRow, type Scope } from './repository';
import { MAX_ROLL_OVERLAP_SECONDS, openSecret, sealSecret } from './secrets';
import { newWebhookSecret } from './signature';

/**
 * A new signing secret. The old one keeps signing (a second `v1=` in
 * Stripe-Signature) for `overlapSeconds` (0 = stops at once, at most 7
 * days), so receivers can switch without rejecting a delivery. Rolling again
 * during an overlap drops the older previous secret: only two ever sign.
 */
export async function rollWebhookSecret(
  tx: DbTx,
  scope: Scope,
  id: string,
  { overlapSeconds }: { overlapSeconds: number },
): Promise<{ secret: string }> {
  if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_ROLL_OVERLAP_SECONDS) {
    throw invalidRequest(
      `The overlap must be a whole number of seconds between 0 and ${MAX_ROLL_OVERLAP_SECONDS} (7 days).`,
      {
        param: 'overlap',
      },
    );
  }
  const row = await lockEndpoint(tx, scope, requireEndpointUuid(id));
  if (!row) throw resourceMissing('webhook endpoint', id);
  const now = clock.now();
  const secret = newWebhookSecret();
  const sealed = sealSecret(row.id, 'secret', secret);
  let previous = {
    previousSecretCiphertext: null as Uint8Array<ArrayBuffer> | null,
    previousSecretKeyId: null as string | null,
    previousSecretExpiresAt: null as Date | null,
  };
  if (overlapSeconds > 0) {
    // The outgoing secret is re-sealed for its new slot (the context names the slot).
    const old = openSecret(row.id, 'secret', row.secretCiphertext, row.secretKeyId);
    const resealed = sealSecret(row.id, 'previous_secret', old);
    previous = {
      previousSecretCiphertext: resealed.ciphertext,
      previousSecretKeyId: resealed.keyId,
      previousSecretExpiresAt: new Date(now.getTime() + overlapSeconds * 1000),
    };
  }
  await updateEndpointRow(tx, row.id, {
    secretCiphertext: sealed.ciphertext,
    secretKeyId: sealed.keyId,
    ...previous,
    updatedAt: now,
  });
  return { secret };
}
