import type { EndpointRow } from './repository';
import { openSecret } from './secrets';

/**
 * The secrets that sign deliveries to an endpoint at `now`: the current one,
 * and the previous one until its overlap ends.
 */
export function signingSecrets(
  row: EndpointRow,
  now: Date,
): { current: string; previous: { secret: string; expiresAt: Date } | null } {
  const current = openSecret(row.id, 'secret', row.secretCiphertext, row.secretKeyId);
  const previous =
    row.previousSecretCiphertext &&
    row.previousSecretKeyId &&
    row.previousSecretExpiresAt &&
    row.previousSecretExpiresAt > now
      ? {
          secret: openSecret(
            row.id,
            'previous_secret',
            row.previousSecretCiphertext,
            row.previousSecretKeyId,
          ),
          expiresAt: row.previousSecretExpiresAt,
        }
      : null;
  return { current, previous };
}

/** As a list for signPayload: the current secret first. */
export function activeSecrets(row: EndpointRow, now: Date): string[] {
  const { current, previous } = signingSecrets(row, now);
  return previous ? [current, previous.secret] : [current];
}
