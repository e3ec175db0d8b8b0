import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { payCheckoutSession } from '@/lib/checkout';
import { appUrl } from '@/lib/env';
import { count, query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { actorForNewMerchant, merchantWithKey, newKey, rejection } from '../api/helpers';
import { CARDS, payInput, sessionParams } from './helpers';

/** /v1/checkout/sessions through the official stripe SDK, on real PostgreSQL and Redis. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => {
  resetClockForTests();
  return server.close();
});

async function client(options: Parameters<typeof merchantWithKey>[0] = {}) {
  const { key, actor } = await merchantWithKey(options);
  return { stripe: server.stripe(key), actor };
}

describe('create and retrieve', () => {
  it('creates an open session in Stripe’s shape, with its hosted page url', async () => {
    const { stripe } = await client();
    const before = Math.floor(Date.now() / 1000);
    const session = await stripe.checkout.sessions.create(
      sessionParams({ metadata: { order: '42' }, customer_email: 'buyer@example.com' }),
    );
    expect(session.id).toMatch(/^cs_test_[0-9A-Za-z]{22}$/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: 3500,
      amount_total: 3500,
      currency: 'usd',
      customer: null,
      customer_email: 'buyer@example.com',
      customer_details: null,
      livemode: false,
      metadata: { order: '42' },
      payment_intent: null,
      payment_method_types: ['card'],
      success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://shop.example/cart',
      url: `${appUrl()}/checkout/${session.id}`,
    });
    // Default expiry: 24 hours.
    expect(session.expires_at - before).toBeGreaterThanOrEqual(24 * 3600 - 5);
    expect(session.expires_at - before).toBeLessThanOrEqual(24 * 3600 + 5);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);
  });

  it('expands line_items and lists them (with pagination), in their order', async () => {
    const { stripe } = await client();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(expanded.line_items?.data.map((li) => [li.description, li.quantity, li.amount_total])).toEqual([
      ['T-shirt', 2, 3000],
      ['Sticker', 1, 500],
    ]);
    const first = expanded.line_items!.data[0]!;
    expect(first.id).toMatch(/^li_/);
    expect(first).toMatchObject({ object: 'item', currency: 'usd', price: { unit_amount: 1500 } });
    const page1 = await stripe.checkout.sessions.listLineItems(session.id, { limit: 1 });
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.checkout.sessions.listLineItems(session.id, {
      starting_after: page1.data[0]!.id,
    });
    expect(page2.data.map((li) => li.description)).toEqual(['Sticker']);
    expect(page2.has_more).toBe(false);
    const all = [];
    for await (const li of stripe.checkout.sessions.listLineItems(session.id, { limit: 1 }))
      all.push(li.description);
    expect(all).toEqual(['T-shirt', 'Sticker']);
  });

  it('takes a customer and payment_intent_data, used when the customer pays', async () => {
    const { stripe } = await client();
    const customer = await stripe.customers.create({ email: 'c@example.com' });
    const session = await stripe.checkout.sessions.create(
      sessionParams({
        customer: customer.id,
        payment_intent_data: { capture_method: 'manual', description: 'Order 7', metadata: { order: '7' } },
      }),
    );
    expect(session.customer).toBe(customer.id);
    expect((await payCheckoutSession(payInput(session.id))).kind).toBe('succeeded');
    const after = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent', 'customer'],
    });
    expect(after).toMatchObject({
      status: 'complete',
      payment_status: 'unpaid',
      customer: { id: customer.id },
    });
    expect(after.payment_intent).toMatchObject({
      status: 'requires_capture',
      capture_method: 'manual',
      description: 'Order 7',
      metadata: { order: '7' },
      customer: customer.id,
      amount: 3500,
    });
  });
});

describe('validation, in Stripe’s error shape', () => {
  const cases: [
    string,
    Partial<Stripe.Checkout.SessionCreateParams> | Record<string, unknown>,
    string,
    string?,
  ][] = [
    ['mode subscription', { mode: 'subscription' }, 'mode'],
    ['no line items', { line_items: [] }, 'line_items'],
    [
      'two currencies',
      {
        line_items: [
          { price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'A' } }, quantity: 1 },
          { price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'B' } }, quantity: 1 },
        ],
      },
      'line_items[1][price_data][currency]',
    ],
    [
      'an unknown currency',
      {
        line_items: [
          { price_data: { currency: 'xyz', unit_amount: 500, product_data: { name: 'A' } }, quantity: 1 },
        ],
      },
      'line_items[0][price_data][currency]',
    ],
    [
      'a total under the minimum',
      {
        line_items: [
          { price_data: { currency: 'usd', unit_amount: 10, product_data: { name: 'A' } }, quantity: 1 },
        ],
      },
      'line_items',
      'amount_too_small',
    ],
    [
      'a total over the maximum',
      {
        line_items: [
          {
            price_data: { currency: 'usd', unit_amount: 99_999_999, product_data: { name: 'A' } },
            quantity: 2,
          },
        ],
      },
      'line_items',
      'amount_too_large',
    ],
    [
      'a negative unit_amount',
      {
        line_items: [
          { price_data: { currency: 'usd', unit_amount: -1, product_data: { name: 'A' } }, quantity: 1 },
        ],
      },
      'line_items[0][price_data][unit_amount]',
    ],
    [
      'quantity 0',
      {
        line_items: [
          { price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'A' } }, quantity: 0 },
        ],
      },
      'line_items[0][quantity]',
    ],
    [
      'a 251-character name',
      {
        line_items: [
          {
            price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'x'.repeat(251) } },
            quantity: 1,
          },
        ],
      },
      'line_items[0][price_data][product_data][name]',
    ],
    [
      'an http image',
      {
        line_items: [
          {
            price_data: {
              currency: 'usd',
              unit_amount: 500,
              product_data: { name: 'A', images: ['http://example.com/a.png'] },
            },
            quantity: 1,
          },
        ],
      },
      'line_items[0][price_data][product_data][images][0]',
      'url_invalid',
    ],
    [
      'nine images',
      {
        line_items: [
          {
            price_data: {
              currency: 'usd',
              unit_amount: 500,
              product_data: {
                name: 'A',
                images: Array.from({ length: 9 }, (_, i) => `https://e.com/${i}.png`),
              },
            },
            quantity: 1,
          },
        ],
      },
      'line_items[0][price_data][product_data][images]',
    ],
    ['a javascript: success_url', { success_url: 'javascript:alert(1)' }, 'success_url', 'url_invalid'],
    [
      'an http success_url to another host',
      { success_url: 'http://shop.example/ok' },
      'success_url',
      'url_invalid',
    ],
    [
      'a success_url with credentials',
      { success_url: 'https://u:p@shop.example/ok' },
      'success_url',
      'url_invalid',
    ],
    ['an http cancel_url', { cancel_url: 'http://shop.example/cart' }, 'cancel_url', 'url_invalid'],
    ['expires_at in 10 minutes', { expires_at: Math.floor(Date.now() / 1000) + 600 }, 'expires_at'],
    ['expires_at in 25 hours', { expires_at: Math.floor(Date.now() / 1000) + 25 * 3600 }, 'expires_at'],
    ['customer and customer_email', { customer: 'cus_x', customer_email: 'a@example.com' }, 'customer_email'],
    ['an unknown customer', { customer: 'cus_0000000000000000000000' }, 'customer', 'resource_missing'],
    [
      'an unsupported parameter',
      { allow_promotion_codes: true },
      'allow_promotion_codes',
      'parameter_unknown',
    ],
    [
      'a price id',
      { line_items: [{ price: 'price_123', quantity: 1 }] },
      'line_items[0][price]',
      'parameter_invalid',
    ],
    [
      'a line without price_data',
      { line_items: [{ quantity: 1 }] },
      'line_items[0][price_data]',
      'parameter_missing',
    ],
  ];

  it.each(cases)('%s → 400 on %s', async (_label, over, param, code) => {
    const { stripe } = await client();
    const err = await rejection(stripe.checkout.sessions.create({ ...sessionParams(), ...over }));
    expect(err.statusCode, err.message).toBe(code === 'resource_missing' ? 404 : 400);
    expect(err.type).toBe('StripeInvalidRequestError');
    expect(err.param).toBe(param);
    if (code) expect(err.code).toBe(code);
  });

  it('nothing is written for a refused session', async () => {
    const { stripe, actor } = await client();
    await rejection(stripe.checkout.sessions.create({ ...sessionParams(), success_url: 'ftp://x' }));
    expect(await count('checkout_sessions', 'merchant_id = $1', [actor.merchantId])).toBe(0);
  });

  it('a missing success_url is parameter_missing', async () => {
    const { stripe } = await client();
    const { success_url: _omit, ...rest } = sessionParams();
    const err = await rejection(stripe.checkout.sessions.create(rest));
    expect(err).toMatchObject({ code: 'parameter_missing', param: 'success_url' });
  });

  it('http://localhost redirects are accepted in test mode only', async () => {
    const { stripe, actor } = await client();
    const local = { success_url: 'http://localhost:3000/ok', cancel_url: 'http://127.0.0.1:3000/cart' };
    expect((await stripe.checkout.sessions.create(sessionParams(local))).status).toBe('open');
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const err = await rejection(live.checkout.sessions.create(sessionParams(local)));
    expect(err).toMatchObject({ code: 'url_invalid', param: 'success_url' });
    expect(err.message).toContain('https in live mode');
  });
});

describe('list', () => {
  it('newest first, filtered by status, customer, payment_intent and created', async () => {
    const { stripe } = await client();
    const customer = await stripe.customers.create({});
    const a = await stripe.checkout.sessions.create(sessionParams());
    const b = await stripe.checkout.sessions.create(sessionParams({ customer: customer.id }));
    const c = await stripe.checkout.sessions.create(sessionParams());
    await stripe.checkout.sessions.expire(a.id);
    await payCheckoutSession(payInput(c.id));
    const paid = await stripe.checkout.sessions.retrieve(c.id);

    expect((await stripe.checkout.sessions.list()).data.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect((await stripe.checkout.sessions.list({ status: 'expired' })).data.map((s) => s.id)).toEqual([
      a.id,
    ]);
    expect((await stripe.checkout.sessions.list({ status: 'open' })).data.map((s) => s.id)).toEqual([b.id]);
    expect((await stripe.checkout.sessions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([
      b.id,
    ]);
    expect(
      (await stripe.checkout.sessions.list({ payment_intent: paid.payment_intent as string })).data.map(
        (s) => s.id,
      ),
    ).toEqual([c.id]);
    expect((await stripe.checkout.sessions.list({ created: { lt: a.created } })).data).toEqual([]);
    const page = await stripe.checkout.sessions.list({ limit: 2 });
    expect(page.has_more).toBe(true);
    const rest = await stripe.checkout.sessions.list({ starting_after: page.data[1]!.id });
    expect(rest.data.map((s) => s.id)).toEqual([a.id]);
    const expanded = await stripe.checkout.sessions.list({ expand: ['data.line_items'], limit: 1 });
    expect(expanded.data[0]!.line_items?.data).toHaveLength(2);
  });
});

describe('expire', () => {
  it('expires an open session, records checkout.session.expired, and refuses a second expire', async () => {
    const { stripe } = await client();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ id: session.id, status: 'expired', payment_status: 'unpaid', url: null });
    const events = await query(`SELECT type FROM events WHERE data->'object'->>'id' = $1`, [session.id]);
    expect(events.map((e) => e.type)).toEqual(['checkout.session.expired']);
    const err = await rejection(stripe.checkout.sessions.expire(session.id));
    expect(err).toMatchObject({ statusCode: 400, code: 'checkout_session_not_open' });
    expect(await payCheckoutSession(payInput(session.id))).toEqual({ kind: 'expired' });
  });

  it('cancels the session’s unpaid PaymentIntent (after a decline)', async () => {
    const { stripe } = await client();
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect((await payCheckoutSession(payInput(session.id, CARDS.declined))).kind).toBe('declined');
    await stripe.checkout.sessions.expire(session.id);
    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after.payment_intent).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
  });

  it('a complete session cannot be expired', async () => {
    const { stripe } = await client();
    const session = await stripe.checkout.sessions.create(sessionParams());
    await payCheckoutSession(payInput(session.id));
    const err = await rejection(stripe.checkout.sessions.expire(session.id));
    expect(err).toMatchObject({ code: 'checkout_session_not_open' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
  });

  it('the time limit: a session created with the shortest expiry is expired by the page after 30 minutes', async () => {
    const { stripe } = await client();
    const session = await stripe.checkout.sessions.create(
      sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 31 * 60 }),
    );
    advanceClockForTests(32 * 60_000);
    try {
      expect(await payCheckoutSession(payInput(session.id))).toEqual({ kind: 'expired' });
    } finally {
      resetClockForTests();
    }
  });
});

describe('tenancy', () => {
  it('another merchant’s session is "No such checkout.session" everywhere, and unchanged', async () => {
    const { stripe } = await client();
    const other = (await client()).stripe;
    const session = await stripe.checkout.sessions.create(sessionParams());
    for (const call of [
      () => other.checkout.sessions.retrieve(session.id),
      () => other.checkout.sessions.listLineItems(session.id),
      () => other.checkout.sessions.expire(session.id),
    ]) {
      const err = await rejection(call());
      expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'session' });
      expect(err.message).toBe(`No such checkout.session: '${session.id}'`);
    }
    expect((await other.checkout.sessions.list()).data).toEqual([]);
    const cursor = await rejection(other.checkout.sessions.list({ starting_after: session.id }));
    expect(cursor.code).toBe('resource_missing');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('test and live data never mix', async () => {
    const actor = await actorForNewMerchant();
    const test = server.stripe(await newKey(actor));
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const t = await test.checkout.sessions.create(sessionParams());
    const l = await live.checkout.sessions.create(sessionParams());
    expect(l.id).toMatch(/^cs_live_/);
    expect(l.livemode).toBe(true);
    expect((await rejection(live.checkout.sessions.retrieve(t.id))).code).toBe('resource_missing');
    expect((await rejection(test.checkout.sessions.retrieve(l.id))).code).toBe('resource_missing');
    expect((await test.checkout.sessions.list()).data.map((s) => s.id)).toEqual([t.id]);
    expect((await live.checkout.sessions.list()).data.map((s) => s.id)).toEqual([l.id]);
  });

  it('restricted keys need checkout_sessions permissions', async () => {
    const actor = await actorForNewMerchant();
    const readOnly = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { checkout_sessions: 'read' } }),
    );
    const err = await rejection(readOnly.checkout.sessions.create(sessionParams()));
    expect(err.statusCode).toBe(403);
    expect((await readOnly.checkout.sessions.list()).data).toEqual([]);
  });
});
