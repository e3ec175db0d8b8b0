import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { configureSandbox, resetSandboxConfig } from '@/lib/gateways/sandbox/config';
import { gatewayHealth, resetGatewayHealth } from '@/lib/gateways/health';
import { one, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, merchantWithKey, newKey } from '../api/helpers';
import { DECLINES, rejection } from './helpers';

/** PaymentIntents through the official stripe SDK, on real PostgreSQL and Redis. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const row = (pi: string) => one('SELECT * FROM transactions WHERE id = $1', [fromPublicId('pi', pi)]);

describe('paying', () => {
  it('create + confirm with pm_card_visa succeeds, with the fee stored and the charge recorded', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      description: 'Order 17',
      metadata: { order: '17' },
    });
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 2000,
      amount_received: 2000,
      amount_capturable: 0,
      currency: 'usd',
      capture_method: 'automatic',
      description: 'Order 17',
      metadata: { order: '17' },
      livemode: false,
      last_payment_error: null,
    });
    expect(pi.id).toMatch(/^pi_[0-9A-Za-z]{22}$/);
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(pi.latest_charge).toMatch(/^ch_/);
    expect(pi.payment_method).toMatch(/^pm_/);
    const stored = await row(pi.id);
    expect(stored).toMatchObject({
      status: 'succeeded',
      currency: 'USD',
      fee_amount: '88',
      net_amount: '1912',
    });
    expect(String(stored.gateway_name)).toMatch(/^sandbox_/);
    expect(JSON.stringify(stored.gateway_response)).not.toContain('4242424242424242');
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({ id: pi.id, status: 'succeeded' });
  });

  it('create, then confirm separately; retrieve expands customer and payment_method', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const customer = await stripe.customers.create({ email: 'payer@example.test' });
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'eur', customer: customer.id });
    expect(pi.status).toBe('requires_payment_method');
    const withPm = await stripe.paymentIntents.update(pi.id, { payment_method: 'pm_card_mastercard' });
    expect(withPm.status).toBe('requires_confirmation');
    const confirmed = await stripe.paymentIntents.confirm(pi.id);
    expect(confirmed.status).toBe('succeeded');
    const expanded = await stripe.paymentIntents.retrieve(pi.id, { expand: ['customer', 'payment_method'] });
    expect((expanded.customer as Stripe.Customer).email).toBe('payer@example.test');
    expect((expanded.payment_method as Stripe.PaymentMethod).card?.last4).toBe('4444');
  });

  it.each(DECLINES)(
    '%s declines with StripeCardError %s / %s, and the intent can be paid with another card',
    async (pm, code, declineCode) => {
      const { key } = await merchantWithKey();
      const stripe = server.stripe(key);
      const err = await rejection(
        stripe.paymentIntents.create({ amount: 500, currency: 'usd', payment_method: pm, confirm: true }),
      );
      expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(err).toMatchObject({ statusCode: 402, code, decline_code: declineCode });
      const pi = err.payment_intent!;
      expect(pi.status).toBe('requires_payment_method');
      expect(pi.last_payment_error).toMatchObject({ code, decline_code: declineCode });
      const retried = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
      expect(retried.status).toBe('succeeded');
      expect(retried.last_payment_error).toBeNull();
    },
  );

  it('a card requiring 3-D Secure waits in requires_action', async () => {
    const { key } = await merchantWithKey();
    const pi = await server.stripe(key).paymentIntents.create({
      amount: 800,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action).toMatchObject({ type: 'redirect_to_url' });
  });

  it('zero-decimal currencies take whole units', async () => {
    const { key } = await merchantWithKey();
    const pi = await server
      .stripe(key)
      .paymentIntents.create({ amount: 500, currency: 'jpy', payment_method: 'pm_card_visa', confirm: true });
    expect(pi).toMatchObject({ status: 'succeeded', currency: 'jpy', amount_received: 500 });
  });
});

describe('manual capture and cancel', () => {
  it('captures part of an authorization; the rest is released', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
    });
    expect(pi).toMatchObject({ status: 'requires_capture', amount_capturable: 5000, amount_received: 0 });
    const tooMuch = await rejection(stripe.paymentIntents.capture(pi.id, { amount_to_capture: 6000 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount_to_capture' });
    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 3000, amount_capturable: 0 });
    const again = await rejection(stripe.paymentIntents.capture(pi.id));
    expect(again).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('cancel voids an authorization; capture and confirm afterwards are unexpected states', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const pi = await stripe.paymentIntents.create({
      amount: 1200,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
    });
    const canceled = await stripe.paymentIntents.cancel(pi.id, {
      cancellation_reason: 'requested_by_customer',
    });
    expect(canceled).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'requested_by_customer',
      amount_capturable: 0,
    });
    expect(canceled.canceled_at).toBeGreaterThan(0);
    for (const attempt of [
      () => stripe.paymentIntents.capture(pi.id),
      () => stripe.paymentIntents.confirm(pi.id),
    ]) {
      expect(await rejection(attempt())).toMatchObject({
        statusCode: 400,
        code: 'payment_intent_unexpected_state',
      });
    }
    const succeeded = await stripe.paymentIntents.create({
      amount: 100,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(await rejection(stripe.paymentIntents.confirm(succeeded.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    expect(await rejection(stripe.paymentIntents.cancel(succeeded.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    expect(await rejection(stripe.paymentIntents.update(succeeded.id, { amount: 5 }))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    expect(
      (await stripe.paymentIntents.update(succeeded.id, { metadata: { late: 'yes' } })).metadata,
    ).toEqual({ late: 'yes' });
  });
});

describe('refunds', () => {
  it('two partial refunds, then an over-refund error; the intent ends fully refunded', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const r1 = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 300,
      reason: 'requested_by_customer',
    });
    expect(r1).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 300,
      payment_intent: pi.id,
      currency: 'usd',
    });
    const r2 = await stripe.refunds.create({ charge: pi.latest_charge as string, amount: 500 });
    expect(r2.status).toBe('succeeded');
    const over = await rejection(stripe.refunds.create({ payment_intent: pi.id, amount: 300 }));
    expect(over).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(200);
    expect(await rejection(stripe.refunds.create({ payment_intent: pi.id }))).toMatchObject({
      code: 'charge_already_refunded',
    });
    expect((await row(pi.id)).status).toBe('refunded');
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
    const listed = await stripe.refunds.list({ payment_intent: pi.id });
    expect(listed.data.map((r) => r.amount).sort()).toEqual([200, 300, 500]);
    expect((await stripe.refunds.update(r1.id, { metadata: { ticket: 'T-1' } })).metadata).toEqual({
      ticket: 'T-1',
    });
    expect(await stripe.refunds.retrieve(r1.id)).toMatchObject({ id: r1.id, metadata: { ticket: 'T-1' } });
    // A succeeded card refund is final: only pending refunds can be canceled.
    expect(await rejection(stripe.refunds.cancel(r1.id))).toMatchObject({
      statusCode: 400,
      code: 'refund_not_cancelable',
    });
    expect((await rejection(stripe.refunds.cancel('re_0000000000000000000000'))).statusCode).toBe(404);
  });

  it('an uncaptured intent cannot be refunded', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
    });
    expect(await rejection(stripe.refunds.create({ payment_intent: pi.id }))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('50 concurrent partial refunds that together exceed the capture: exactly those that fit succeed', async () => {
    const actor = await actorForNewMerchant();
    const stripe = server.stripe(await newKey(actor));
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    // Three keys of the merchant share the 50 requests: each key has its own test-mode rate limit.
    const refunders = await Promise.all([1, 2, 3].map(async () => server.stripe(await newKey(actor))));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        refunders[i % 3]!.refunds.create({ payment_intent: pi.id, amount: 70 }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(Math.floor(2000 / 70));
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'amount_too_large' });
    const sum = await one(
      "SELECT COALESCE(SUM(amount), 0)::bigint AS total FROM refunds WHERE transaction_id = $1 AND status <> 'failed'",
      [fromPublicId('pi', pi.id)],
    );
    expect(Number(sum.total)).toBe(Math.floor(2000 / 70) * 70);
    expect(Number((await row(pi.id)).amount_refunded)).toBe(Number(sum.total));
  });
});

describe('idempotency on the money path', () => {
  it('20 concurrent confirms with one Idempotency-Key make one gateway authorization', async () => {
    const actor = await actorForNewMerchant();
    const stripe = server.stripe(await newKey(actor));
    const pi = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      payment_method: 'pm_card_visa',
    });
    const key = await newKey(actor);
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await fetch(`${server.url}/v1/payment_intents/${pi.id}/confirm`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'confirm-once' },
        });
        return { status: res.status, text: await res.text() };
      }),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    for (const r of results) expect([200, 409]).toContain(r.status);
    const stored = await row(pi.id);
    expect(stored.attempts).toBe(1);
    expect((stored.gateway_response as { calls: unknown[] }).calls).toHaveLength(1);
  });
});

describe('lists and tenancy', () => {
  it('auto-paginates and filters by customer', async () => {
    const actor = await actorForNewMerchant();
    const stripe = server.stripe(await newKey(actor));
    const customer = await stripe.customers.create({ email: 'list@example.test' });
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      const pi = await stripe.paymentIntents.create({
        amount: 100 + i,
        currency: 'usd',
        ...(i % 3 === 0 ? { customer: customer.id } : {}),
      });
      made.push(pi.id);
    }
    const all = await stripe.paymentIntents.list({ limit: 5 }).autoPagingToArray({ limit: 100 });
    expect(all.map((p) => p.id)).toEqual([...made].reverse());
    const theirs = await stripe.paymentIntents.list({ customer: customer.id });
    expect(theirs.data).toHaveLength(4);
  });

  it("another merchant's intents and refunds are not found; test keys never see live payments", async () => {
    const a = await actorForNewMerchant();
    const stripeA = server.stripe(await newKey(a));
    const pi = await stripeA.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const refund = await stripeA.refunds.create({ payment_intent: pi.id, amount: 100 });
    const b = await merchantWithKey();
    const stripeB = server.stripe(b.key);
    for (const attempt of [
      () => stripeB.paymentIntents.retrieve(pi.id),
      () => stripeB.paymentIntents.update(pi.id, { description: 'x' }),
      () => stripeB.paymentIntents.cancel(pi.id),
      () => stripeB.refunds.create({ payment_intent: pi.id }),
      () => stripeB.refunds.retrieve(refund.id),
    ]) {
      expect(await rejection(attempt())).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    }
    // A's live key does not see A's test payment (live cards come only from hosted checkout).
    const liveA = server.stripe(await newKey(a, { environment: 'live' }));
    expect((await rejection(liveA.paymentIntents.retrieve(pi.id))).statusCode).toBe(404);
    expect((await liveA.paymentIntents.list()).data).toEqual([]);
    expect(
      await rejection(
        liveA.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa' }),
      ),
    ).toMatchObject({
      statusCode: 404,
      param: 'payment_method',
    });
    expect(Number((await row(pi.id)).amount_refunded)).toBe(100);
  });
});

describe('gateway failover', () => {
  afterAll(() => resetSandboxConfig());

  it('with sandbox_alpha failing every call, payments succeed through sandbox_beta, once each', async () => {
    // A fresh window for alpha: the payments above made it healthy.
    await resetGatewayHealth('sandbox_alpha');
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const pi = await stripe.paymentIntents.create({
        amount: 300 + i,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(pi.status).toBe('succeeded');
      ids.push(pi.id);
    }
    for (const id of ids) {
      const stored = await row(id);
      expect(stored.gateway_name).toBe('sandbox_beta');
      // Exactly one authorization at the processors for the payment's reference.
      const book = await query(
        "SELECT gateway, status FROM sandbox_gateway_operations WHERE reference = $1 AND operation = 'authorize'",
        [`${fromPublicId('pi', id)}:1`],
      );
      expect(book).toEqual([{ gateway: 'sandbox_beta', status: expect.any(String) }]);
    }
    const health = (await gatewayHealth()).find((g) => g.gateway === 'sandbox_alpha');
    expect(health?.circuit).toBe('open');
  });
});
