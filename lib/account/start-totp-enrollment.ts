import { db } from '@/lib/db/client';
import { generateTotpSecret } from '@/lib/auth/totp';
import { AccountError } from './errors';
import { sealTotpSecret } from './two-factor-secret';

/**
 * Begins two-factor enrolment: a new shared secret, sealed, stored in
 * users.totp_secret_encrypted while totp_enabled_at stays NULL. Sign-in only
 * asks for a code when totp_enabled_at is set, so a pending secret changes
 * nothing until confirm-totp-enrollment proves the authenticator has it.
 *
 * Why the users row rather than a short-lived Redis key: Redis is volatile here
 * (nothing that must survive a restart lives only there), the security page can
 * show the same pending secret again after a reload instead of invalidating what
 * the person already scanned, and no new key or TTL is needed. Starting again
 * simply replaces the pending secret.
 */
export async function startTotpEnrollment(userId: string): Promise<void> {
  const sealed = sealTotpSecret(userId, generateTotpSecret());
  // Conditional: never replace the secret of two-factor that is already on.
  const updated = await db().user.updateMany({
    where: { userId, totpEnabledAt: null },
    data: { ...sealed, totpLastStep: null },
  });
  if (updated.count !== 1) throw new AccountError('Two-factor authentication is already on.');
}

/** Abandons a pending enrolment (two-factor that is on is left alone). */
export async function cancelTotpEnrollment(userId: string): Promise<void> {
  await db().user.updateMany({
    where: { userId, totpEnabledAt: null },
    data: { totpSecretEncrypted: null, totpKeyId: null, totpLastStep: null },
  });
}
