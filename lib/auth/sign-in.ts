import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/client';
import { open } from '@/lib/crypto/envelope';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueMail } from '@/lib/mail/queue-mail';
import { SignInError } from './errors';
import { hashPassword, verifyPassword } from './password';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import type { RequestContext } from './request-context';
import { createSession, type SessionRecord } from './sessions';
import { stepAt, verifyTotp } from './totp';

export const MAX_FAILED_ATTEMPTS = 10;
export const LOCKOUT_MINUTES = 30;

// Verified against when the e-mail is unknown, so that answer takes as long as a
// wrong password does.
const dummyHash = hashPassword('timing-equaliser-not-a-real-password-1');

export const totpContext = (userId: string) => `users.totp:${userId}`;

export interface SignInInput {
  email: string;
  password: string;
  code?: string;
}

/**
 * Email + password (+ a TOTP or recovery code when two-factor is on). Every
 * failure, whatever its cause, looks the same to the caller except "a second
 * factor is needed", which is only said after the password was right.
 * Failed attempts are counted in PostgreSQL (atomically, so parallel guesses
 * cannot slip past the limit); the tenth locks the account for 30 minutes.
 */
export async function signInWithPassword(
  input: SignInInput,
  context: RequestContext,
): Promise<{ user: User; session: SessionRecord }> {
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  const user = await db().user.findUnique({ where: { email } });

  if (!user) {
    await verifyPassword(await dummyHash, input.password);
    await recordAuditEvent({ action: 'user.sign_in', outcome: 'failure', actorEmail: email, context, details: { reason: 'unknown_email' } });
    throw new SignInError('invalid_credentials');
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAuditEvent({ action: 'user.sign_in', outcome: 'denied', actorUserId: user.userId, actorEmail: email, context, details: { reason: 'locked' } });
    throw new SignInError('invalid_credentials');
  }
  if (!passwordOk) {
    await recordFailure(user, context, 'wrong_password');
    throw new SignInError('invalid_credentials');
  }

  let totpStep: number | null = null;
  let recoveryCodeId: string | null = null;
  if (user.totpEnabledAt && user.totpSecretEncrypted && user.totpKeyId) {
    const code = input.code?.trim();
    if (!code) throw new SignInError('two_factor_required');
    if (looksLikeRecoveryCode(code)) {
      const match = await db().recoveryCode.findFirst({
        where: { userId: user.userId, codeHash: hashRecoveryCode(code), usedAt: null },
      });
      recoveryCodeId = match?.id ?? null;
    } else {
      const secret = open(user.totpSecretEncrypted, user.totpKeyId, totpContext(user.userId)).toString('utf8');
      const lastStep = user.totpLastStep === null ? null : Number(user.totpLastStep);
      totpStep = verifyTotp(secret, code, now.getTime(), lastStep);
    }
    if (totpStep === null && recoveryCodeId === null) {
      await recordFailure(user, context, 'wrong_second_factor');
      throw new SignInError('invalid_two_factor');
    }
  }

  // The session is made first: if Redis is down, nothing else changes.
  let session: SessionRecord;
  try {
    const membership = await db().merchantMember.findFirst({
      where: { userId: user.userId },
      orderBy: { createdAt: 'asc' },
      select: { merchantId: true },
    });
    session = await createSession({ userId: user.userId, merchantId: membership?.merchantId ?? null }, context);
  } catch {
    throw new SignInError('unavailable');
  }

  await db().$transaction(async (tx) => {
    // Conditional updates make a used code or step unusable by a racing request.
    if (recoveryCodeId) {
      const used = await tx.recoveryCode.updateMany({ where: { id: recoveryCodeId, usedAt: null }, data: { usedAt: now } });
      if (used.count !== 1) throw new SignInError('invalid_two_factor');
    }
    await tx.user.update({
      where: { userId: user.userId },
      data: {
        failedLoginCount: 0,
        lockedUntil: null,
        lastSignInAt: now,
        ...(totpStep !== null ? { totpLastStep: BigInt(totpStep) } : {}),
      },
    });
    await recordAuditEvent(
      {
        action: 'user.sign_in',
        outcome: 'success',
        actorUserId: user.userId,
        actorEmail: email,
        context,
        details: { second_factor: recoveryCodeId ? 'recovery_code' : totpStep !== null ? 'totp' : 'none', step: totpStep ?? stepAt(now.getTime()) },
      },
      tx,
    );
  });
  return { user, session };
}

async function recordFailure(user: User, context: RequestContext, reason: string): Promise<void> {
  // One statement: the count and the lock are decided on the row PostgreSQL
  // holds locked, never on a value read earlier.
  const rows = await db().$queryRaw<{ failed_login_count: number; locked_until: Date | null }[]>`
    UPDATE users
       SET failed_login_count = failed_login_count + 1,
           locked_until = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_ATTEMPTS}
                               THEN now() + make_interval(mins => ${LOCKOUT_MINUTES})
                               ELSE locked_until END
     WHERE user_id = ${user.userId}::uuid
 RETURNING failed_login_count, locked_until`;
  const count = rows[0]?.failed_login_count ?? 0;
  await recordAuditEvent({ action: 'user.sign_in', outcome: 'failure', actorUserId: user.userId, actorEmail: user.email, context, details: { reason, failed_attempts: count } });
  if (count === MAX_FAILED_ATTEMPTS) {
    await db().$transaction(async (tx) => {
      await recordAuditEvent({ action: 'user.locked', outcome: 'success', actorUserId: user.userId, actorEmail: user.email, context, details: { minutes: LOCKOUT_MINUTES } }, tx);
      await queueMail(
        {
          to: user.email,
          kind: 'account_locked',
          userId: user.userId,
          subject: 'Your account was locked after repeated failed sign-ins',
          body:
            `There were ${MAX_FAILED_ATTEMPTS} failed attempts to sign in to your account, so it is locked for ${LOCKOUT_MINUTES} minutes.\n\n` +
            `If this was not you, change your password once the lock ends and turn on two-factor authentication.\n` +
            `Last attempt from ${context.ip} (${context.userAgent}).`,
        },
        tx,
      );
    });
  }
}
