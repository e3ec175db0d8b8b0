import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey, newKey } from '../api/helpers';
import { rejection } from './helpers';

/** /v1/charges through the official stripe SDK: the charge behind each confirmed PaymentIntent. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function paid(stripe: Stripe, options: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  return stripe.paymentIntents.create({
    amount: 2500,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    ...options,
  });
}

describe('/v1/charges', () => {
  it('retrieves a PaymentIntent’s latest_charge, and follows captures and refunds', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const pi = await paid(stripe, { description: 'Order 5', metadata: { order: '5' } });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({
      id: pi.latest_charge,
      object: 'charge',
      amount: 2500,
      amount_captured: 2500,
      amount_refunded: 0,
      captured: true,
      paid: true,
      refunded: false,
      status: 'succeeded',
      currency: 'usd',
      description: 'Order 5',
      metadata: { order: '5' },
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      livemode: false,
      failure_code: null,
      outcome: { type: 'authorized', network_status: 'approved_by_network', risk_level: 'normal' },
    });
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'visa', last4: '4242' });

    await stripe.refunds.create({ charge: charge.id, amount: 1000 });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({
      amount_refunded: 1000,
      refunded: false,
    });
    await stripe.refunds.create({ payment_intent: pi.id });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({ amount_refunded: 2500, refunded: true });

    const held = await paid(stripe, { capture_method: 'manual' });
    expect(await stripe.charges.retrieve(held.latest_charge as string)).toMatchObject({
      captured: false,
      amount_captured: 0,
      status: 'succeeded',
    });
    await stripe.paymentIntents.capture(held.id, { amount_to_capture: 2000 });
    expect(await stripe.charges.retrieve(held.latest_charge as string)).toMatchObject({
      captured: true,
      amount_captured: 2000,
    });
  });

  it('a declined attempt is a failed charge with the decline', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const err = await rejection(
      paid(stripe, { payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds' }),
    );
    const pi = (err as Stripe.errors.StripeCardError).payment_intent!;
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({
      status: 'failed',
      paid: false,
      captured: false,
      failure_code: 'card_declined',
      outcome: { type: 'issuer_declined', reason: 'insufficient_funds' },
    });
  });

  it('lists charges newest first, by payment_intent and customer, and pages through them all', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const customer = await stripe.customers.create({ email: 'c@example.test' });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const hers = await paid(stripe, { customer: customer.id, payment_method: card.id });
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await paid(stripe, { amount: 100 + i }));
    // Never confirmed: no charge.
    const unconfirmed = await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });

    const all = await stripe.charges.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((c) => c.payment_intent)).toEqual(
      [...others]
        .reverse()
        .map((p) => p.id)
        .concat(hers.id),
    );
    expect((await stripe.charges.list({ payment_intent: hers.id })).data.map((c) => c.id)).toEqual([
      hers.latest_charge,
    ]);
    expect((await stripe.charges.list({ customer: customer.id })).data.map((c) => c.id)).toEqual([
      hers.latest_charge,
    ]);
    expect((await stripe.charges.list({ payment_intent: unconfirmed.id })).data).toEqual([]);
    const missing = await rejection(stripe.charges.retrieve(`ch_${unconfirmed.id.slice(3)}`));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('another merchant’s charge, the other mode’s, or nonsense is not found; reading needs payment_intents:read', async () => {
    const a = await merchantWithKey();
    const pi = await paid(server.stripe(a.key));
    const b = await merchantWithKey();
    for (const id of [pi.latest_charge as string, 'ch_nonsense', 'pi_0000']) {
      const err = await rejection(server.stripe(b.key).charges.retrieve(id));
      expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    }
    const live = await newKey(a.actor, { environment: 'live' });
    expect(await rejection(server.stripe(live).charges.retrieve(pi.latest_charge as string))).toMatchObject({
      statusCode: 404,
    });
    const reader = await newKey(a.actor, { type: 'restricted', permissions: { payment_intents: 'read' } });
    expect((await server.stripe(reader).charges.retrieve(pi.latest_charge as string)).id).toBe(
      pi.latest_charge,
    );
    const none = await newKey(a.actor, { type: 'restricted', permissions: { customers: 'read' } });
    expect(await rejection(server.stripe(none).charges.list())).toMatchObject({ statusCode: 403 });
  });
});
