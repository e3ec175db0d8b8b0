import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueMail } from '@/lib/mail/queue-mail';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { PASSWORD_HISTORY_DEPTH, PASSWORD_MAX, passwordSchema } from '@/lib/auth/password-policy';
import type { RequestContext } from '@/lib/auth/request-context';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { AccountError } from './errors';

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match.',
  });

export interface ChangePasswordInput {
  userId: string;
  /** The session making the change stays signed in; every other one ends. */
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes a password after re-authenticating with the current one. The new
 * password may not be any of the last four (the current one and the three
 * before it). Every other session of the user is signed out afterwards: a
 * password change is what people do when they suspect someone else is in.
 */
export async function changePassword(
  input: ChangePasswordInput,
  context: RequestContext,
): Promise<{ otherSessionsEnded: number }> {
  const user = await db().user.findUnique({
    where: { userId: input.userId },
    select: { userId: true, email: true, passwordHash: true },
  });
  if (!user) throw new AccountError('Your account was not found.');
  const audit = {
    action: 'user.password_changed',
    actorUserId: user.userId,
    actorEmail: user.email,
    targetType: 'user',
    targetId: user.userId,
    context,
  } as const;

  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAuditEvent({ ...audit, outcome: 'failure', details: { reason: 'wrong_current_password' } });
    throw new AccountError('Your current password is not correct.', 'currentPassword');
  }
  if (await isRecentPassword(user.userId, user.passwordHash, input.newPassword)) {
    await recordAuditEvent({ ...audit, outcome: 'failure', details: { reason: 'reused_password' } });
    throw new AccountError(
      `Choose a password you have not used recently (not one of your last ${PASSWORD_HISTORY_DEPTH}).`,
      'newPassword',
    );
  }

  const passwordHash = await hashPassword(input.newPassword);
  const now = clock.now();
  await db().$transaction(async (tx) => {
    // Conditional on the hash we verified: if another request changed the
    // password meanwhile, this one must not silently overwrite it.
    const updated = await tx.user.updateMany({
      where: { userId: user.userId, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt: now, updatedAt: now },
    });
    if (updated.count !== 1)
      throw new AccountError(
        'Your password was changed elsewhere a moment ago. Reload the page and try again.',
      );
    await tx.passwordHistory.create({ data: { userId: user.userId, passwordHash, createdAt: now } });
    // Keep only what the reuse check reads.
    const keep = await tx.passwordHistory.findMany({
      where: { userId: user.userId },
      orderBy: { createdAt: 'desc' },
      take: PASSWORD_HISTORY_DEPTH,
      select: { id: true },
    });
    await tx.passwordHistory.deleteMany({
      where: { userId: user.userId, id: { notIn: keep.map((k) => k.id) } },
    });
    await recordAuditEvent({ ...audit, outcome: 'success' }, tx);
    await queueMail(
      {
        to: user.email,
        kind: 'password_changed',
        userId: user.userId,
        subject: 'Your password was changed',
        body:
          `The password of your account (${user.email}) was changed on ${now.toUTCString()}.\n` +
          `The change was made from ${context.ip} (${context.userAgent}). Every other signed-in session was signed out.\n\n` +
          `If you did not make this change, reset your password at once and turn on two-factor authentication.`,
      },
      tx,
    );
  });

  const otherSessionsEnded = await revokeAllSessions(user.userId, input.currentSessionId);
  await recordAuditEvent({
    action: 'session.revoked_all',
    outcome: 'success',
    actorUserId: user.userId,
    actorEmail: user.email,
    targetType: 'user',
    targetId: user.userId,
    context,
    details: { reason: 'password_changed', sessions: otherSessionsEnded },
  });
  return { otherSessionsEnded };
}

/**
 * True when `candidate` matches the current password or one of the previous
 * ones, up to PASSWORD_HISTORY_DEPTH in all. (The history normally holds the
 * current hash as its newest row; accounts created without history do not, so
 * the current hash is always checked first and never counted twice.)
 */
async function isRecentPassword(userId: string, currentHash: string, candidate: string): Promise<boolean> {
  const history = await db().passwordHistory.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: PASSWORD_HISTORY_DEPTH,
    select: { passwordHash: true },
  });
  const hashes = [currentHash, ...history.map((h) => h.passwordHash).filter((h) => h !== currentHash)].slice(
    0,
    PASSWORD_HISTORY_DEPTH,
  );
  const matches = await Promise.all(hashes.map((h) => verifyPassword(h, candidate)));
  return matches.some(Boolean);
}
