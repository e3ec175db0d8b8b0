import type { JobHelpers } from 'graphile-worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payCheckoutSession } from '@/lib/checkout';
import { expireDueSessions } from '@/lib/checkout/expire-due-sessions';
import { parseCheckoutSessionId } from '@/lib/checkout/session-id';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { count, query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { expireCheckoutSessions } from '@/worker/tasks/expire-checkout-sessions';
import { merchantWithKey } from '../api/helpers';
import { CARDS, payInput, sessionParams } from './helpers';

/** The worker's expire_checkout_sessions cron task. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
afterEach(() => resetClockForTests());

const soon = () => Math.floor(Date.now() / 1000) + 31 * 60;

describe('expire_checkout_sessions', () => {
  it('expires open sessions past expires_at (with their event and canceled PaymentIntent), and nothing else', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const due = await stripe.checkout.sessions.create(sessionParams({ expires_at: soon() }));
    const declined = await stripe.checkout.sessions.create(sessionParams({ expires_at: soon() }));
    const paid = await stripe.checkout.sessions.create(sessionParams({ expires_at: soon() }));
    const later = await stripe.checkout.sessions.create(sessionParams());
    expect((await payCheckoutSession(payInput(declined.id, CARDS.declined))).kind).toBe('declined');
    expect((await payCheckoutSession(payInput(paid.id))).kind).toBe('succeeded');

    // Not yet due: nothing happens.
    const logs: string[] = [];
    const helpers = { logger: { info: (m: string) => logs.push(m) } } as unknown as JobHelpers;
    await expireCheckoutSessions({}, helpers);
    expect((await stripe.checkout.sessions.retrieve(due.id)).status).toBe('open');

    advanceClockForTests(32 * 60_000);
    await expireCheckoutSessions({}, helpers);
    expect(logs.some((l) => /expired [1-9]\d* checkout sessions/.test(l))).toBe(true);
    expect((await stripe.checkout.sessions.retrieve(due.id)).status).toBe('expired');
    const d = await stripe.checkout.sessions.retrieve(declined.id, { expand: ['payment_intent'] });
    expect(d.status).toBe('expired');
    expect(d.payment_intent).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect((await stripe.checkout.sessions.retrieve(paid.id)).status).toBe('complete');
    expect((await stripe.checkout.sessions.retrieve(later.id)).status).toBe('open');
    for (const s of [due, declined]) {
      expect(
        await count('events', `type = 'checkout.session.expired' AND data->'object'->>'id' = $1`, [s.id]),
      ).toBe(1);
    }
    // A second run finds nothing more.
    expect(await expireDueSessions()).toBe(0);
  });

  it('works in batches and skips a session whose row is locked (a payment in progress)', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const sessions = [];
    for (let i = 0; i < 5; i++)
      sessions.push(await stripe.checkout.sessions.create(sessionParams({ expires_at: soon() })));
    advanceClockForTests(32 * 60_000);
    const held = parseCheckoutSessionId(sessions[0]!.id)!.uuid;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM checkout_sessions WHERE id = ${held}::uuid FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    // Batches of 2: every other due session of the whole database, except the held one.
    const expired = await expireDueSessions({ batch: 2 });
    expect(expired).toBeGreaterThanOrEqual(4);
    const statuses = await query(
      `SELECT id::text, status FROM checkout_sessions WHERE id = ANY($1::uuid[])`,
      [sessions.map((s) => parseCheckoutSessionId(s.id)!.uuid)],
    );
    expect(statuses.filter((r) => r.status === 'expired')).toHaveLength(4);
    expect(statuses.find((r) => r.id === held)?.status).toBe('open');
    release();
    await holder;
    expect(await expireDueSessions()).toBe(1);
    expect((await stripe.checkout.sessions.retrieve(sessions[0]!.id)).status).toBe('expired');
  });
});
