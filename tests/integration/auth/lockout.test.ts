import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { SignInError, signInErrorMessage } from '@/lib/auth/errors';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, signInWithPassword } from '@/lib/auth/sign-in';
import { auditRows, ctx, mailTo, newUser, uniqueEmail } from './helpers';

async function signInError(email: string, password: string): Promise<SignInError> {
  try {
    await signInWithPassword({ email, password }, ctx);
  } catch (err) {
    if (err instanceof SignInError) return err;
    throw err;
  }
  throw new Error('sign-in unexpectedly succeeded');
}

afterEach(() => resetClockForTests());

describe('lockout', () => {
  it(`locks the account after ${MAX_FAILED_ATTEMPTS} failures, audits each, and mails the owner`, async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      expect((await signInError(user.email, `wrong-password-${i}`)).code).toBe('invalid_credentials');
    }
    const row = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(row.failedLoginCount).toBe(MAX_FAILED_ATTEMPTS);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);

    // Locked: even the right password is refused, with the same answer.
    const locked = await signInError(user.email, user.password);
    const unknown = await signInError(uniqueEmail('nobody'), user.password);
    expect(locked.code).toBe('invalid_credentials');
    expect(unknown.code).toBe(locked.code);
    expect(signInErrorMessage(unknown.code)).toBe(signInErrorMessage(locked.code));

    const failures = await auditRows('user.sign_in', { actorUserId: user.userId });
    expect(failures.filter((r) => r.outcome === 'failure')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(failures.filter((r) => r.outcome === 'denied')).toMatchObject([{ details: { reason: 'locked' } }]);
    expect(await auditRows('user.locked', { actorUserId: user.userId })).toHaveLength(1);
    expect((await mailTo(user.email)).map((m) => m.kind)).toEqual(['account_locked']);
  });

  it('an unknown e-mail is audited as a failed sign-in without a user id', async () => {
    const email = uniqueEmail('ghost');
    await signInError(email, 'whatever-pass-1');
    const rows = await db().auditLog.findMany({ where: { action: 'user.sign_in', actorEmail: email } });
    expect(rows).toMatchObject([
      { outcome: 'failure', actorUserId: null, details: { reason: 'unknown_email' } },
    ]);
  });

  it('a successful sign-in is audited and resets the failure count', async () => {
    const user = await newUser();
    await signInError(user.email, 'wrong-password-x');
    await signInWithPassword({ email: user.email, password: user.password }, ctx);
    const row = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(row.failedLoginCount).toBe(0);
    expect(row.lastSignInAt).not.toBeNull();
    const rows = await auditRows('user.sign_in', { actorUserId: user.userId });
    expect(rows.map((r) => r.outcome)).toEqual(['failure', 'success']);
  });

  it('the lock ends after its time', async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await signInError(user.email, `nope-nope-${i}`);
    await expect(signInWithPassword({ email: user.email, password: user.password }, ctx)).rejects.toThrow(
      'invalid_credentials',
    );
    advanceClockForTests((LOCKOUT_MINUTES + 1) * 60_000);
    await expect(
      signInWithPassword({ email: user.email, password: user.password }, ctx),
    ).resolves.toBeTruthy();
  });
});
