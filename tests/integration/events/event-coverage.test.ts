import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { query } from '@/tests/helpers/fixtures';
import { merchantWithKey } from '../api/helpers';

/**
 * Every state change records its Stripe event: lifecycles driven through the
 * SDK yield the expected event types in order, each with `data.object` as the
 * API returned that object at that moment and `previous_attributes` for updates.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

/** The merchant's events, oldest first. */
async function events(stripe: Stripe): Promise<Stripe.Event[]> {
  const out: Stripe.Event[] = [];
  for await (const e of stripe.events.list({ limit: 100 })) out.push(e);
  return out.reverse();
}

const charge = (e: Stripe.Event) => e.data.object as Stripe.Charge;

describe('payment lifecycle', () => {
  it('create, update, confirm, two refunds and a refund update', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const created = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const updated = await stripe.paymentIntents.update(created.id, { metadata: { order: '7' } });
    const confirmed = await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' });
    const first = await stripe.refunds.create({ payment_intent: created.id, amount: 300 });
    const second = await stripe.refunds.create({ payment_intent: created.id });
    const relabeled = await stripe.refunds.update(second.id, { metadata: { reason: 'late' } });

    const log = await events(stripe);
    expect(log.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'payment_intent.updated',
      'charge.succeeded',
      'payment_intent.succeeded',
      'charge.refunded',
      'refund.created',
      'charge.refunded',
      'refund.created',
      'refund.updated',
    ]);
    const [eCreated, eUpdated, eCharge, eSucceeded, eRefunded1, eRefund1, eRefunded2, eRefund2, eRefundUpd] =
      log;
    expect(eCreated!.data).toEqual({ object: created });
    expect(eUpdated!.data).toEqual({ object: updated, previous_attributes: { metadata: { order: null } } });
    expect(eSucceeded!.data).toEqual({ object: confirmed });
    expect(eCharge!.data.previous_attributes).toBeUndefined();
    expect(charge(eCharge!)).toMatchObject({
      id: confirmed.latest_charge,
      object: 'charge',
      amount: 1000,
      amount_captured: 1000,
      amount_refunded: 0,
      captured: true,
      paid: true,
      refunded: false,
      status: 'succeeded',
      currency: 'usd',
      payment_intent: created.id,
      payment_method: confirmed.payment_method,
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
      outcome: { type: 'authorized', network_status: 'approved_by_network' },
      failure_code: null,
      metadata: { order: '7' },
      livemode: false,
    });
    expect(charge(eCharge!).id).toMatch(/^ch_/);
    expect(charge(eRefunded1!)).toMatchObject({ amount_refunded: 300, refunded: false });
    expect(eRefunded1!.data.previous_attributes).toEqual({ amount_refunded: 0 });
    expect(eRefund1!.data).toEqual({ object: first });
    expect(charge(eRefunded2!)).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(eRefunded2!.data.previous_attributes).toEqual({ amount_refunded: 300, refunded: false });
    expect(eRefund2!.data).toEqual({ object: second });
    expect(eRefundUpd!.data).toEqual({
      object: relabeled,
      previous_attributes: { metadata: { reason: null } },
    });
    for (const e of log) {
      expect(e.request!.id).toMatch(/^req_/);
      expect(e.livemode).toBe(false);
    }
  });

  it('manual capture: an uncaptured charge, then charge.captured with what changed', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const authorized = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'eur',
      payment_method: 'pm_card_mastercard',
      capture_method: 'manual',
      confirm: true,
    });
    const captured = await stripe.paymentIntents.capture(authorized.id, { amount_to_capture: 1500 });
    const log = await events(stripe);
    expect(log.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.amount_capturable_updated',
      'charge.captured',
      'payment_intent.succeeded',
    ]);
    expect(charge(log[1]!)).toMatchObject({
      captured: false,
      amount_captured: 0,
      paid: true,
      status: 'succeeded',
    });
    expect(log[2]!.data.object).toEqual(authorized);
    expect(charge(log[3]!)).toMatchObject({ captured: true, amount_captured: 1500, amount: 2000 });
    expect(log[3]!.data.previous_attributes).toEqual({ amount_captured: 0, captured: false });
    expect(log[4]!.data.object).toEqual(captured);
  });

  it('a decline, 3-D Secure and a cancel', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const declined = await stripe.paymentIntents
      .create({ amount: 500, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true })
      .catch((err: Stripe.errors.StripeCardError) => err.payment_intent!);
    const log1 = await events(stripe);
    expect(log1.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
    ]);
    expect(charge(log1[1]!)).toMatchObject({
      object: 'charge',
      status: 'failed',
      paid: false,
      captured: false,
      failure_code: 'card_declined',
      outcome: { type: 'issuer_declined', reason: 'generic_decline' },
      payment_intent: declined.id,
    });
    expect(log1[2]!.data.object).toEqual(declined);

    const action = await stripe.paymentIntents.create({
      amount: 800,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    const canceled = await stripe.paymentIntents.cancel(action.id);
    const log2 = (await events(stripe)).slice(3);
    expect(log2.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'payment_intent.canceled',
    ]);
    expect(log2[1]!.data.object).toEqual(action);
    expect(log2[2]!.data.object).toEqual(canceled);
  });
});

describe('customer lifecycle', () => {
  it('created, updated with what changed, deleted with the customer as it was', async () => {
    const { actor, key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const created = await stripe.customers.create({ email: 'ada@example.test', metadata: { tier: 'gold' } });
    const updated = await stripe.customers.update(created.id, {
      name: 'Ada',
      metadata: { tier: '', since: '2026' },
    });
    // An update that changes nothing announces nothing, as at Stripe.
    await stripe.customers.update(created.id, { name: 'Ada' });
    await stripe.customers.del(created.id);

    const log = await events(stripe);
    expect(log.map((e) => e.type)).toEqual(['customer.created', 'customer.updated', 'customer.deleted']);
    expect(log[0]!.data).toEqual({ object: created });
    expect(log[1]!.data).toEqual({
      object: updated,
      previous_attributes: { name: null, metadata: { tier: 'gold', since: null } },
    });
    expect(log[2]!.data).toEqual({ object: updated });

    // At rest, a customer's events keep only its id in clear; the rest is sealed.
    const rows = await query<{ data: unknown; sealed: boolean; text: string }>(
      'SELECT data, sealed_data IS NOT NULL AS sealed, data::text || coalesce(encode(sealed_data, $2), $3) AS text FROM events WHERE merchant_id = $1',
      [actor.merchantId, 'escape', ''],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.data).toEqual({ object: { id: created.id, object: 'customer' } });
      expect(row.sealed).toBe(true);
      expect(row.text).not.toMatch(/Ada|ada@example/);
    }
  });
});

describe('payment method lifecycle', () => {
  it('attached and detached, with the customer it left', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const customer = await stripe.customers.create({ email: 'pm@example.test' });
    const attached = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    // Attaching the same card again returns the attached copy: nothing changed, nothing announced.
    await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const detached = await stripe.paymentMethods.detach(attached.id);

    const log = (await events(stripe)).filter((e) => e.type.startsWith('payment_method.'));
    expect(log.map((e) => e.type)).toEqual(['payment_method.attached', 'payment_method.detached']);
    expect(log[0]!.data).toEqual({ object: attached });
    expect(log[1]!.data).toEqual({ object: detached, previous_attributes: { customer: customer.id } });
    expect(JSON.stringify(log)).not.toMatch(/4242424242424242/);
  });
});
