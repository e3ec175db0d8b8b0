import { afterEach, describe, expect, it } from 'vitest';
import { advanceClockForTests, clock, resetClockForTests } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { stepAt, totpCode } from '@/lib/auth/totp';
import { cancelTotpEnrollment, startTotpEnrollment } from '@/lib/account/start-totp-enrollment';
import { confirmTotpEnrollment } from '@/lib/account/confirm-totp-enrollment';
import { disableTotp } from '@/lib/account/disable-totp';
import { getSecurityOverview } from '@/lib/account/get-security-overview';
import { regenerateRecoveryCodes } from '@/lib/account/regenerate-recovery-codes';
import { auditRows, ctx, mailTo, newUser } from './helpers';

afterEach(() => resetClockForTests());

const STEP_MS = 30_000;
const codeNow = (secret: string) => totpCode(secret, stepAt(clock.nowMs()));
/** A well-formed code that is certainly not the current one. */
const wrongCode = (secret: string) => (codeNow(secret) === '000000' ? '111111' : '000000');

async function pendingSecret(userId: string): Promise<string> {
  const overview = await getSecurityOverview({ userId, sessionId: 'none' }, 'Test');
  if (overview.twoFactor.state !== 'pending')
    throw new Error(`expected a pending enrolment, got ${overview.twoFactor.state}`);
  expect(overview.twoFactor.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  return overview.twoFactor.secret;
}

/** A user with two-factor on; returns the secret and the recovery codes. */
async function enrolled(label = 'totp') {
  const user = await newUser(label);
  await startTotpEnrollment(user.userId);
  const secret = await pendingSecret(user.userId);
  const { recoveryCodes } = await confirmTotpEnrollment({ userId: user.userId, code: codeNow(secret) }, ctx);
  // The confirming code's step is spent; the next sign-in uses a later one.
  advanceClockForTests(STEP_MS);
  return { ...user, secret, recoveryCodes };
}

describe('TOTP enrolment', () => {
  it('a pending secret changes nothing until a code confirms it', async () => {
    const user = await newUser();
    await startTotpEnrollment(user.userId);
    const secret = await pendingSecret(user.userId);
    // Sign-in still needs no code.
    await expect(
      signInWithPassword({ email: user.email, password: user.password }, ctx),
    ).resolves.toBeTruthy();
    // The secret is stored sealed, never in clear.
    const row = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(Buffer.from(row.totpSecretEncrypted!).toString('latin1')).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();

    await expect(
      confirmTotpEnrollment({ userId: user.userId, code: wrongCode(secret) }, ctx),
    ).rejects.toMatchObject({
      field: 'code',
    });
    await cancelTotpEnrollment(user.userId);
    expect(
      (await getSecurityOverview({ userId: user.userId, sessionId: 'none' }, 'Test')).twoFactor.state,
    ).toBe('off');
  });

  it('confirming turns it on, returns ten recovery codes once (stored hashed), audits and mails', async () => {
    const user = await enrolled();
    expect(user.recoveryCodes).toHaveLength(10);
    const stored = await db().recoveryCode.findMany({ where: { userId: user.userId } });
    expect(stored).toHaveLength(10);
    for (const code of user.recoveryCodes) expect(stored.map((s) => s.codeHash)).not.toContain(code);
    expect(await auditRows('user.two_factor_enabled', { actorUserId: user.userId })).toMatchObject([
      { outcome: 'success' },
    ]);
    expect((await mailTo(user.email)).map((m) => m.subject)).toContain('Two-factor authentication is on');
    await expect(startTotpEnrollment(user.userId)).rejects.toThrow(/already on/);
  });
});

describe('signing in with two-factor', () => {
  it('needs a code, accepts a fresh one, and refuses the same code again', async () => {
    const user = await enrolled();
    await expect(signInWithPassword({ email: user.email, password: user.password }, ctx)).rejects.toThrow(
      'two_factor_required',
    );

    const code = codeNow(user.secret);
    const { session } = await signInWithPassword({ email: user.email, password: user.password, code }, ctx);
    expect(session.userId).toBe(user.userId);
    await expect(
      signInWithPassword({ email: user.email, password: user.password, code }, ctx),
    ).rejects.toThrow('invalid_two_factor');
    await expect(
      signInWithPassword({ email: user.email, password: user.password, code: '12345' }, ctx),
    ).rejects.toThrow('invalid_two_factor');

    const rows = await auditRows('user.sign_in', { actorUserId: user.userId });
    expect(rows.filter((r) => r.outcome === 'success')).toMatchObject([
      { details: { second_factor: 'totp' } },
    ]);
    expect(
      rows.filter((r) => r.outcome === 'failure').map((r) => (r.details as { reason: string }).reason),
    ).toEqual(['wrong_second_factor', 'wrong_second_factor']);
  });

  it('a recovery code works exactly once', async () => {
    const user = await enrolled();
    const code = user.recoveryCodes[3]!;
    await expect(
      signInWithPassword({ email: user.email, password: user.password, code: code.toUpperCase() }, ctx),
    ).resolves.toBeTruthy();
    await expect(
      signInWithPassword({ email: user.email, password: user.password, code }, ctx),
    ).rejects.toThrow('invalid_two_factor');
    expect(await db().recoveryCode.count({ where: { userId: user.userId, usedAt: null } })).toBe(9);
    const overview = await getSecurityOverview({ userId: user.userId, sessionId: 'none' }, 'Test');
    expect(overview.twoFactor).toMatchObject({ state: 'on', recoveryCodesLeft: 9 });
  });

  it('regenerating recovery codes needs the password and retires the old ones', async () => {
    const user = await enrolled();
    await expect(
      regenerateRecoveryCodes({ userId: user.userId, password: 'wrong-password-1' }, ctx),
    ).rejects.toMatchObject({ field: 'password' });
    const { recoveryCodes } = await regenerateRecoveryCodes(
      { userId: user.userId, password: user.password },
      ctx,
    );
    expect(recoveryCodes).toHaveLength(10);
    await expect(
      signInWithPassword({ email: user.email, password: user.password, code: user.recoveryCodes[0]! }, ctx),
    ).rejects.toThrow('invalid_two_factor');
    await expect(
      signInWithPassword({ email: user.email, password: user.password, code: recoveryCodes[0]! }, ctx),
    ).resolves.toBeTruthy();
    expect(
      (await auditRows('user.recovery_codes_regenerated', { actorUserId: user.userId })).map(
        (r) => r.outcome,
      ),
    ).toEqual(['failure', 'success']);
  });
});

describe('turning two-factor off', () => {
  it('needs the password and a valid code; then sign-in needs only the password', async () => {
    const user = await enrolled();
    await expect(
      disableTotp({ userId: user.userId, password: 'wrong-password-1', code: codeNow(user.secret) }, ctx),
    ).rejects.toMatchObject({
      field: 'password',
    });
    await expect(
      disableTotp({ userId: user.userId, password: user.password, code: wrongCode(user.secret) }, ctx),
    ).rejects.toMatchObject({
      field: 'code',
    });
    await disableTotp({ userId: user.userId, password: user.password, code: codeNow(user.secret) }, ctx);

    const row = await db().user.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(row).toMatchObject({
      totpSecretEncrypted: null,
      totpKeyId: null,
      totpEnabledAt: null,
      totpLastStep: null,
    });
    expect(await db().recoveryCode.count({ where: { userId: user.userId } })).toBe(0);
    await expect(
      signInWithPassword({ email: user.email, password: user.password }, ctx),
    ).resolves.toBeTruthy();
    expect(
      (await auditRows('user.two_factor_disabled', { actorUserId: user.userId })).map((r) => r.outcome),
    ).toEqual(['failure', 'failure', 'success']);
    expect((await mailTo(user.email)).map((m) => m.subject)).toContain('Two-factor authentication is off');
  });

  it('accepts a recovery code instead of an authenticator code', async () => {
    const user = await enrolled();
    await disableTotp({ userId: user.userId, password: user.password, code: user.recoveryCodes[0]! }, ctx);
    expect((await db().user.findUniqueOrThrow({ where: { userId: user.userId } })).totpEnabledAt).toBeNull();
  });

  it('is refused for platform administrators', async () => {
    const user = await enrolled('admin');
    await db().user.update({ where: { userId: user.userId }, data: { role: 'admin' } });
    await expect(
      disableTotp({ userId: user.userId, password: user.password, code: codeNow(user.secret) }, ctx),
    ).rejects.toThrow(/administrators must keep two-factor/);
    expect(
      (await db().user.findUniqueOrThrow({ where: { userId: user.userId } })).totpEnabledAt,
    ).not.toBeNull();
    expect(await auditRows('user.two_factor_disabled', { actorUserId: user.userId })).toMatchObject([
      { outcome: 'denied' },
    ]);
  });
});
