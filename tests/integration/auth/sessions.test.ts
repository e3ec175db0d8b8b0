import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { env } from '@/lib/env';
import { createSession, getSession, listSessions, revokeSession } from '@/lib/auth/sessions';
import { revokeOtherSessions, revokeOwnSession, sessionPublicId } from '@/lib/account/revoke-session';
import { AccountError } from '@/lib/account/errors';
import { auditRows, ctx, newUser } from './helpers';

const MINUTE = 60_000;

afterEach(() => resetClockForTests());

describe('Redis sessions', () => {
  it('a session revoked in Redis is signed out on the next request', async () => {
    const { userId } = await newUser();
    const session = await createSession({ userId, merchantId: null }, ctx);
    expect(await getSession(session.id)).not.toBeNull();

    expect(await revokeSession(userId, session.id)).toBe(true);
    expect(await getSession(session.id)).toBeNull();
    expect(await redis().sismember(keys.userSessions(userId), session.id)).toBe(0);
  });

  it('a session whose key is deleted directly (e.g. by an operator) is gone too', async () => {
    const { userId } = await newUser();
    const session = await createSession({ userId, merchantId: null }, ctx);
    await redis().del(keys.session(session.id));
    expect(await getSession(session.id)).toBeNull();
  });

  it('cannot revoke another user’s session by id', async () => {
    const alice = await newUser('alice');
    const mallory = await newUser('mallory');
    const session = await createSession({ userId: alice.userId, merchantId: null }, ctx);
    expect(await revokeSession(mallory.userId, session.id)).toBe(false);
    expect(await getSession(session.id)).not.toBeNull();
  });

  it(`ends after ${env.SESSION_IDLE_MINUTES} idle minutes`, async () => {
    const { userId } = await newUser();
    const session = await createSession({ userId, merchantId: null }, ctx);
    advanceClockForTests((env.SESSION_IDLE_MINUTES + 1) * MINUTE);
    expect(await getSession(session.id)).toBeNull();
    // Revoked on the spot: it is gone from the user's list as well.
    expect(await listSessions(userId)).toEqual([]);
  });

  it('stays alive while there is activity within the idle window', async () => {
    const { userId } = await newUser();
    const session = await createSession({ userId, merchantId: null }, ctx);
    const step = (env.SESSION_IDLE_MINUTES - 2) * MINUTE;
    for (let i = 0; i < 4; i++) {
      advanceClockForTests(step);
      expect(await getSession(session.id), `after ${((i + 1) * step) / MINUTE} minutes`).not.toBeNull();
    }
    advanceClockForTests((env.SESSION_IDLE_MINUTES + 1) * MINUTE);
    expect(await getSession(session.id)).toBeNull();
  });

  it('ends 24 hours after sign-in however active it is', async () => {
    const { userId } = await newUser();
    const session = await createSession({ userId, merchantId: null }, ctx);
    const step = 10 * MINUTE;
    let elapsed = 0;
    while (elapsed + step < 24 * 60 * MINUTE) {
      advanceClockForTests(step);
      elapsed += step;
      expect(await getSession(session.id)).not.toBeNull();
    }
    advanceClockForTests(24 * 60 * MINUTE - elapsed);
    expect(await getSession(session.id)).toBeNull();
  });
});

describe('session revocation from the security page', () => {
  it('revokes one other session by its public handle, with an audit row', async () => {
    const user = await newUser();
    const current = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const other = await createSession(
      { userId: user.userId, merchantId: null },
      { ip: '198.51.100.9', userAgent: 'curl/8' },
    );
    const actor = { userId: user.userId, email: user.email, sessionId: current.id };

    await revokeOwnSession(actor, sessionPublicId(other.id), ctx);
    expect(await getSession(other.id)).toBeNull();
    expect(await getSession(current.id)).not.toBeNull();

    const rows = await auditRows('session.revoked', { actorUserId: user.userId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'success',
      targetType: 'session',
      targetId: sessionPublicId(other.id),
      ip: ctx.ip,
    });
    // The audit log never holds a usable session id.
    expect(JSON.stringify(rows[0]!.details)).not.toContain(other.id);
  });

  it('refuses the current session and sessions of other users', async () => {
    const user = await newUser();
    const stranger = await newUser('stranger');
    const current = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const theirs = await createSession({ userId: stranger.userId, merchantId: null }, ctx);
    const actor = { userId: user.userId, email: user.email, sessionId: current.id };

    await expect(revokeOwnSession(actor, sessionPublicId(current.id), ctx)).rejects.toBeInstanceOf(
      AccountError,
    );
    await expect(revokeOwnSession(actor, sessionPublicId(theirs.id), ctx)).rejects.toThrow(/not found/);
    expect(await getSession(current.id)).not.toBeNull();
    expect(await getSession(theirs.id)).not.toBeNull();
  });

  it('"sign out of all other sessions" keeps only the current one', async () => {
    const user = await newUser();
    const current = await createSession({ userId: user.userId, merchantId: null }, ctx);
    const others = await Promise.all(
      [1, 2, 3].map(() => createSession({ userId: user.userId, merchantId: null }, ctx)),
    );

    expect(
      await revokeOtherSessions({ userId: user.userId, email: user.email, sessionId: current.id }, ctx),
    ).toBe(3);
    for (const s of others) expect(await getSession(s.id)).toBeNull();
    expect((await listSessions(user.userId)).map((s) => s.id)).toEqual([current.id]);
    const rows = await auditRows('session.revoked_all', { actorUserId: user.userId });
    expect(rows.map((r) => r.details)).toEqual([{ reason: 'user_request', sessions: 3 }]);
  });
});
