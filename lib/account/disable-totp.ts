import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueMail } from '@/lib/mail/queue-mail';
import { verifyPassword } from '@/lib/auth/password';
import { PASSWORD_MAX } from '@/lib/auth/password-policy';
import type { RequestContext } from '@/lib/auth/request-context';
import { AccountError } from './errors';
import { verifySecondFactor } from './verify-second-factor';

export const disableTotpSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX),
  code: z.string().trim().min(1, 'Enter a code from your authenticator app or a recovery code.').max(40),
});

/**
 * Turns two-factor off: needs the password and a current code (or a recovery
 * code), so a session left open on someone else's screen is not enough.
 * Platform administrators are refused: the admin console requires two-factor.
 */
export async function disableTotp(
  input: { userId: string; password: string; code: string },
  context: RequestContext,
): Promise<void> {
  const user = await db().user.findUnique({
    where: { userId: input.userId },
    select: {
      userId: true,
      email: true,
      role: true,
      passwordHash: true,
      totpSecretEncrypted: true,
      totpKeyId: true,
      totpEnabledAt: true,
      totpLastStep: true,
    },
  });
  if (!user) throw new AccountError('Your account was not found.');
  const audit = {
    action: 'user.two_factor_disabled',
    actorUserId: user.userId,
    actorEmail: user.email,
    targetType: 'user',
    targetId: user.userId,
    context,
  } as const;
  if (!user.totpEnabledAt) throw new AccountError('Two-factor authentication is not on.');
  if (user.role === 'admin') {
    await recordAuditEvent({ ...audit, outcome: 'denied', details: { reason: 'platform_admin' } });
    throw new AccountError('Platform administrators must keep two-factor authentication on.');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAuditEvent({ ...audit, outcome: 'failure', details: { reason: 'wrong_password' } });
    throw new AccountError('Your password is not correct.', 'password');
  }
  const now = clock.now();
  const match = await verifySecondFactor(user, input.code, now.getTime());
  if (!match) {
    await recordAuditEvent({ ...audit, outcome: 'failure', details: { reason: 'wrong_code' } });
    throw new AccountError(
      'That code is not valid. Enter the current code from your authenticator app, or a recovery code.',
      'code',
    );
  }

  await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { userId: user.userId, totpEnabledAt: user.totpEnabledAt },
      data: {
        totpSecretEncrypted: null,
        totpKeyId: null,
        totpEnabledAt: null,
        totpLastStep: null,
        updatedAt: now,
      },
    });
    if (updated.count !== 1)
      throw new AccountError('Two-factor authentication changed in another window. Reload the page.');
    await tx.recoveryCode.deleteMany({ where: { userId: user.userId } });
    await recordAuditEvent({ ...audit, outcome: 'success', details: { verified_with: match.kind } }, tx);
    await queueMail(
      {
        to: user.email,
        kind: 'two_factor_changed',
        userId: user.userId,
        subject: 'Two-factor authentication is off',
        body:
          `Two-factor authentication was turned off for your account (${user.email}) on ${now.toUTCString()}, ` +
          `from ${context.ip} (${context.userAgent}). Signing in now needs only your password.\n\n` +
          `If you did not do this, change your password and turn two-factor authentication back on at once.`,
      },
      tx,
    );
  });
}
