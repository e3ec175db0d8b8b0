import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueMail } from '@/lib/mail/queue-mail';
import { verifyPassword } from '@/lib/auth/password';
import { PASSWORD_MAX } from '@/lib/auth/password-policy';
import type { RequestContext } from '@/lib/auth/request-context';
import { AccountError } from './errors';
import { replaceRecoveryCodes } from './replace-recovery-codes';

export const regenerateRecoveryCodesSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX),
});

/**
 * A new set of ten recovery codes; every earlier code stops working. Asks for
 * the password again: the new codes are a way into the account.
 */
export async function regenerateRecoveryCodes(
  input: { userId: string; password: string },
  context: RequestContext,
): Promise<{ recoveryCodes: string[] }> {
  const user = await db().user.findUnique({
    where: { userId: input.userId },
    select: { userId: true, email: true, passwordHash: true, totpEnabledAt: true },
  });
  if (!user) throw new AccountError('Your account was not found.');
  if (!user.totpEnabledAt) throw new AccountError('Turn on two-factor authentication first.');
  const audit = {
    action: 'user.recovery_codes_regenerated',
    actorUserId: user.userId,
    actorEmail: user.email,
    targetType: 'user',
    targetId: user.userId,
    context,
  } as const;
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAuditEvent({ ...audit, outcome: 'failure', details: { reason: 'wrong_password' } });
    throw new AccountError('Your password is not correct.', 'password');
  }
  const now = clock.now();
  return db().$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(user.userId, tx);
    await recordAuditEvent({ ...audit, outcome: 'success' }, tx);
    await queueMail(
      {
        to: user.email,
        kind: 'two_factor_changed',
        userId: user.userId,
        subject: 'New two-factor recovery codes',
        body:
          `New recovery codes were created for your account (${user.email}) on ${now.toUTCString()}, ` +
          `from ${context.ip} (${context.userAgent}). Your earlier codes no longer work.\n\n` +
          `If you did not do this, change your password at once.`,
      },
      tx,
    );
    return { recoveryCodes };
  });
}
