import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { createSession, getSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { changePassword, changePasswordSchema } from '@/lib/account/change-password';
import { AccountError } from '@/lib/account/errors';
import { auditRows, ctx, mailTo, newUser } from './helpers';

describe('changing a password', () => {
  it('re-authenticates, signs out every other session, keeps the current one, audits and mails', async () => {
    const user = await newUser();
    const current = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const others = await Promise.all(
      [1, 2].map(() => createSession({ userId: user.userId, merchantId: null }, ctx)),
    );

    const result = await changePassword(
      {
        userId: user.userId,
        currentSessionId: current.id,
        currentPassword: user.password,
        newPassword: 'a-brand-new-pass-77',
      },
      ctx,
    );
    expect(result.otherSessionsEnded).toBe(2);
    expect(await getSession(current.id)).not.toBeNull();
    for (const s of others) expect(await getSession(s.id)).toBeNull();

    const row = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(await verifyPassword(row.passwordHash, 'a-brand-new-pass-77')).toBe(true);
    expect(row.passwordChangedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await expect(signInWithPassword({ email: user.email, password: user.password }, ctx)).rejects.toThrow(
      'invalid_credentials',
    );
    await expect(
      signInWithPassword({ email: user.email, password: 'a-brand-new-pass-77' }, ctx),
    ).resolves.toBeTruthy();

    expect(await auditRows('user.password_changed', { actorUserId: user.userId })).toMatchObject([
      { outcome: 'success', ip: ctx.ip },
    ]);
    expect(
      (await auditRows('session.revoked_all', { actorUserId: user.userId })).map((r) => r.details),
    ).toEqual([{ reason: 'password_changed', sessions: 2 }]);
    const mail = await mailTo(user.email);
    expect(mail.filter((m) => m.kind === 'password_changed')).toHaveLength(1);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const user = await newUser();
    const current = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const other = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const before = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });

    const attempt = changePassword(
      {
        userId: user.userId,
        currentSessionId: current.id,
        currentPassword: 'not-my-password-1',
        newPassword: 'a-brand-new-pass-77',
      },
      ctx,
    );
    await expect(attempt).rejects.toMatchObject({ field: 'currentPassword' });
    const after = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await getSession(other.id)).not.toBeNull();
    expect(await auditRows('user.password_changed', { actorUserId: user.userId })).toMatchObject([
      { outcome: 'failure', details: { reason: 'wrong_current_password' } },
    ]);
  });

  it('refuses the last four passwords (the current one and the three before it)', async () => {
    const user = await newUser('history', 'password-zero-00');
    const session = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const change = (currentPassword: string, newPassword: string) =>
      changePassword(
        { userId: user.userId, currentSessionId: session.id, currentPassword, newPassword },
        ctx,
      );

    await change('password-zero-00', 'password-one-111');
    await change('password-one-111', 'password-two-222');
    await change('password-two-222', 'password-three-33');
    // Now: three (current), two, one, zero.
    for (const reused of ['password-three-33', 'password-two-222', 'password-one-111', 'password-zero-00']) {
      await expect(change('password-three-33', reused), reused).rejects.toMatchObject({
        field: 'newPassword',
      });
    }
    await change('password-three-33', 'password-four-444');
    // "zero" is now the fifth most recent: allowed again; "one" is still refused.
    await expect(change('password-four-444', 'password-one-111')).rejects.toBeInstanceOf(AccountError);
    await change('password-four-444', 'password-zero-00');

    expect(await db().passwordHistory.count({ where: { userId: user.userId } })).toBe(4);
    const reasons = (await auditRows('user.password_changed', { actorUserId: user.userId })).map((r) => [
      r.outcome,
      (r.details as { reason?: string }).reason,
    ]);
    expect(reasons.filter(([o]) => o === 'failure')).toHaveLength(5);
    expect(reasons.filter(([o]) => o === 'success')).toHaveLength(5);
  });

  it('validates the new password against the policy at the edge', () => {
    const parse = (newPassword: string, confirmPassword = newPassword) =>
      changePasswordSchema.safeParse({ currentPassword: 'x', newPassword, confirmPassword });
    expect(parse('short1').success).toBe(false);
    expect(parse('only-letters-here').success).toBe(false);
    expect(parse('long-enough-pass-9', 'different-pass-99').success).toBe(false);
    expect(parse('long-enough-pass-9').success).toBe(true);
  });
});
