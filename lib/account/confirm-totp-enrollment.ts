import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueMail } from '@/lib/mail/queue-mail';
import type { RequestContext } from '@/lib/auth/request-context';
import { verifyTotp } from '@/lib/auth/totp';
import { AccountError } from './errors';
import { replaceRecoveryCodes } from './replace-recovery-codes';
import { openTotpSecret } from './two-factor-secret';

export const totpCodeSchema = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

export const confirmTotpSchema = z.strictObject({ code: totpCodeSchema });

/**
 * Turns two-factor on once a code from the authenticator proves it holds the
 * pending secret. Returns ten recovery codes, in clear text this one time
 * (only their keyed hashes are stored).
 */
export async function confirmTotpEnrollment(
  input: { userId: string; code: string },
  context: RequestContext,
): Promise<{ recoveryCodes: string[] }> {
  const user = await db().user.findUnique({
    where: { userId: input.userId },
    select: { userId: true, email: true, totpSecretEncrypted: true, totpKeyId: true, totpEnabledAt: true },
  });
  if (!user) throw new AccountError('Your account was not found.');
  if (user.totpEnabledAt) throw new AccountError('Two-factor authentication is already on.');
  if (!user.totpSecretEncrypted || !user.totpKeyId)
    throw new AccountError('Start the setup again: no authenticator is waiting to be confirmed.');

  const now = clock.now();
  const secret = openTotpSecret(user.userId, user.totpSecretEncrypted, user.totpKeyId);
  const step = verifyTotp(secret, input.code, now.getTime());
  if (step === null)
    throw new AccountError(
      'That code is not valid. Check the time on your phone and enter the current code.',
      'code',
    );

  return db().$transaction(async (tx) => {
    // Conditional on the very secret that was checked: a second tab that
    // restarted the setup meanwhile makes this confirmation fail, not enable a
    // secret nobody has scanned.
    const updated = await tx.user.updateMany({
      where: { userId: user.userId, totpEnabledAt: null, totpSecretEncrypted: user.totpSecretEncrypted },
      data: { totpEnabledAt: now, totpLastStep: BigInt(step), updatedAt: now },
    });
    if (updated.count !== 1) throw new AccountError('The setup changed in another window. Start again.');
    const recoveryCodes = await replaceRecoveryCodes(user.userId, tx);
    await recordAuditEvent(
      {
        action: 'user.two_factor_enabled',
        outcome: 'success',
        actorUserId: user.userId,
        actorEmail: user.email,
        targetType: 'user',
        targetId: user.userId,
        context,
      },
      tx,
    );
    await queueMail(
      {
        to: user.email,
        kind: 'two_factor_changed',
        userId: user.userId,
        subject: 'Two-factor authentication is on',
        body:
          `Two-factor authentication was turned on for your account (${user.email}) on ${now.toUTCString()}, ` +
          `from ${context.ip} (${context.userAgent}).\n\n` +
          `From now on, signing in asks for a code from your authenticator app. Keep your recovery codes somewhere safe: ` +
          `each one signs you in once if you lose your phone.\n\nIf you did not do this, change your password at once.`,
      },
      tx,
    );
    return { recoveryCodes };
  });
}
