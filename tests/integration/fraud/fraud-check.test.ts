import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { payCheckoutSession } from '@/lib/checkout';
import { db } from '@/lib/db/client';
import { getPaymentForDashboard } from '@/lib/payments/dashboard/get-payment';
import { count, one, query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey, rejection } from '../api/helpers';
import { payInput, sessionParams } from '../checkout/helpers';

/**
 * The fraud check in confirm (lib/fraud, docs/fraud.md), through the official
 * SDK on real PostgreSQL and Redis: what is written (transactions.fraud_score,
 * fraud_logs, fraud:score:{id}), what the charge says, and what a block does.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const uuid = (pi: string) => fromPublicId('pi', pi)!;
const payment = (pi: string) => one('SELECT * FROM transactions WHERE id = $1', [uuid(pi)]);
const fraudLogs = (pi: string) =>
  query('SELECT * FROM fraud_logs WHERE payment_id = $1 ORDER BY created_at', [uuid(pi)]);
const chargeEvents = (pi: string) =>
  query<{ type: string; data: { object: Record<string, unknown> } }>(
    `SELECT type, data FROM events WHERE data->'object'->>'payment_intent' = $1 OR data->'object'->>'id' = $1
     ORDER BY created_at, type`,
    [pi],
  );
const gatewayCalls = (pi: string) =>
  count('sandbox_gateway_operations', 'reference LIKE $1', [`${uuid(pi)}:%`]);

async function setup() {
  const { actor, key } = await merchantWithKey();
  const stripe = server.stripe(key);
  const customer = await stripe.customers.create({ email: 'risk@example.test' });
  return { actor, stripe, customer };
}

describe('an ordinary card', () => {
  it('is allowed, and the assessment is written to the payment, fraud_logs and Redis', async () => {
    const { actor, stripe, customer } = await setup();
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    expect(await payment(pi.id)).toMatchObject({ fraud_score: '0.0000', risk_level: 'low' });
    const logs = await fraudLogs(pi.id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      risk_score: 0,
      is_fraudulent: false,
      details: '',
      merchant_id: actor.merchantId,
    });

    const cached = await redis().get(keys.fraudScore(uuid(pi.id)));
    expect(JSON.parse(cached!)).toEqual({ score: 0, risk_level: 'normal', decision: 'allow', rules: [] });
    const ttl = await redis().ttl(keys.fraudScore(uuid(pi.id)));
    expect(ttl).toBeGreaterThan(800);
    expect(ttl).toBeLessThanOrEqual(900);

    const succeeded = (await chargeEvents(pi.id)).find((e) => e.type === 'charge.succeeded');
    expect(succeeded?.data.object.outcome).toEqual({
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 0,
      seller_message: 'Payment complete.',
      type: 'authorized',
    });
    expect(await gatewayCalls(pi.id)).toBe(1);
    // The sandbox processor reports our assessment, not its own default (20).
    const book = await one<{ response: { outcome: unknown } }>(
      `SELECT response FROM sandbox_gateway_operations WHERE reference LIKE $1`,
      [`${uuid(pi.id)}:%`],
    );
    expect(book.response.outcome).toEqual({ type: 'authorized', risk_level: 'normal', risk_score: 0 });
  });

  it('Radar’s elevated-risk test card is allowed with risk_level elevated', async () => {
    const { stripe } = await setup();
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_riskLevelElevated',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    expect(await payment(pi.id)).toMatchObject({ fraud_score: '0.6500', risk_level: 'medium' });
    const succeeded = (await chargeEvents(pi.id)).find((e) => e.type === 'charge.succeeded');
    expect(succeeded?.data.object.outcome).toMatchObject({
      risk_level: 'elevated',
      risk_score: 65,
      reason: 'elevated_risk_level',
      type: 'authorized',
    });
  });
});

describe('a blocked card', () => {
  it.each([
    ['pm_card_radarBlock', 100, 'test_card_blocked'],
    ['pm_card_riskLevelHighest', 95, 'test_card_highest'],
  ])(
    '%s answers 402 fraudulent without reaching a gateway; another card then pays',
    async (pm, riskScore, rule) => {
      const { stripe, customer } = await setup();
      const pi = await stripe.paymentIntents.create({ amount: 2500, currency: 'usd', customer: customer.id });
      const err = await rejection(stripe.paymentIntents.confirm(pi.id, { payment_method: pm }));
      expect(err.statusCode).toBe(402);
      expect(err).toMatchObject({
        type: 'StripeCardError',
        code: 'card_declined',
        decline_code: 'fraudulent',
        message: 'Your card was declined.',
      });
      const after = await stripe.paymentIntents.retrieve(pi.id);
      expect(after.status).toBe('requires_payment_method');
      expect(after.last_payment_error).toMatchObject({
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'fraudulent',
        message: 'Your card was declined.',
      });
      expect(await gatewayCalls(pi.id)).toBe(0);
      expect(await payment(pi.id)).toMatchObject({
        status: 'failed',
        fraud_score: (riskScore / 100).toFixed(4),
        risk_level: 'high',
      });
      expect(await fraudLogs(pi.id)).toMatchObject([
        { risk_score: riskScore, is_fraudulent: true, details: rule },
      ]);
      const events = await chargeEvents(pi.id);
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['charge.failed', 'payment_intent.payment_failed']),
      );
      const failed = events.find((e) => e.type === 'charge.failed')!;
      expect(failed.data.object).toMatchObject({
        status: 'failed',
        failure_code: 'card_declined',
        outcome: {
          network_status: 'not_sent_to_network',
          reason: 'highest_risk_level',
          risk_level: 'highest',
          risk_score: riskScore,
          type: 'blocked',
        },
      });
      expect(events.some((e) => e.type === 'charge.succeeded')).toBe(false);

      // The block counts as a recent decline for the card; a good card still pays.
      const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
      expect(paid.status).toBe('succeeded');
      expect(await fraudLogs(pi.id)).toMatchObject([{ is_fraudulent: true }, { is_fraudulent: false }]);
      expect(await payment(pi.id)).toMatchObject({ status: 'succeeded', risk_level: 'low' });
    },
  );

  it('the hosted checkout shows the declined message', async () => {
    const { stripe } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(await payCheckoutSession(payInput(session.id, '4100000000000019'))).toEqual({
      kind: 'declined',
      message: 'Your card was declined.',
      declineCode: 'fraudulent',
    });
  });

  it('the dashboard payment page gets the level, score, rules and the block', async () => {
    const { actor, stripe } = await setup();
    const pi = await stripe.paymentIntents.create({ amount: 2500, currency: 'usd' });
    await rejection(stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_radarBlock' }));
    const detail = await getPaymentForDashboard(
      db(),
      { merchantId: actor.merchantId, livemode: false },
      pi.id,
    );
    // The same card was blocked at the other merchants of this file: their
    // declines do not count here (card_recent_declines is per merchant).
    expect(detail?.risk).toEqual({
      level: 'highest',
      score: 100,
      rules: ['test_card_blocked'],
      blocked: true,
    });
    // Another merchant sees nothing.
    const other = await merchantWithKey();
    expect(
      await getPaymentForDashboard(db(), { merchantId: other.actor.merchantId, livemode: false }, pi.id),
    ).toBeNull();
  });
});

describe('rules from the Redis counters and the card', () => {
  it('many attempts by one customer within the hour raise the score', async () => {
    const { stripe, customer } = await setup();
    const scores: string[] = [];
    for (let i = 0; i < 6; i++) {
      const pi = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(pi.status).toBe('succeeded');
      scores.push(String((await payment(pi.id)).fraud_score));
      if (i === 5) expect((await fraudLogs(pi.id))[0]?.details).toBe('velocity_hour');
    }
    // FRAUD_HOURLY_ATTEMPTS (5): the sixth attempt in the hour is the first to count.
    expect(scores).toEqual(['0.0000', '0.0000', '0.0000', '0.0000', '0.0000', '0.3500']);
  });

  it('recent declines of the same card count against it, whatever its token', async () => {
    const { stripe, customer } = await setup();
    for (let i = 0; i < 2; i++) {
      const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id });
      await rejection(stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }));
    }
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await rejection(stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(await fraudLogs(pi.id)).toMatchObject([{ details: 'card_recent_declines', risk_score: 30 }]);
  });

  it('a billing country other than the card’s counts', async () => {
    const { stripe } = await setup();
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: {
        number: '4242424242424242',
        exp_month: 12,
        exp_year: new Date().getUTCFullYear() + 2,
        cvc: '123',
      },
      billing_details: { address: { country: 'GB' } },
    });
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: pm.id,
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    expect(await fraudLogs(pi.id)).toMatchObject([{ details: 'country_mismatch', risk_score: 20 }]);
  });
});

describe('Redis down', () => {
  it('the payment still succeeds, assessed without the counters', async () => {
    const { stripe, customer } = await setup();
    const holder = globalThis as unknown as { __redis?: Redis };
    const live = holder.__redis;
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    holder.__redis = dead;
    let pi;
    try {
      pi = await stripe.paymentIntents.create({
        amount: 2000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
    } finally {
      holder.__redis = live;
      dead.disconnect();
    }
    expect(pi.status).toBe('succeeded');
    expect(await payment(pi.id)).toMatchObject({ fraud_score: '0.0000', risk_level: 'low' });
    expect(await fraudLogs(pi.id)).toMatchObject([
      { risk_score: 0, is_fraudulent: false, details: 'signals_unavailable' },
    ]);
    expect(await redis().get(keys.fraudScore(uuid(pi.id)))).toBeNull();
  });
});
