import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { one } from '@/tests/helpers/fixtures';
import { EXP, merchantWithKey, newKey, randomVisa, rejection } from './helpers';

/**
 * /v1/payment_methods through the official stripe SDK, against this file's own
 * PostgreSQL database and Redis prefix.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function client() {
  const { actor, key } = await merchantWithKey();
  return { actor, stripe: server.stripe(key) };
}

describe('creating card PaymentMethods', () => {
  it("vaults a raw card in test mode and answers with Stripe's object, never the number", async () => {
    const { stripe } = await client();
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4242 4242 4242 4242', exp_month: 8, exp_year: EXP.exp_year, cvc: '314' },
      billing_details: {
        name: 'Jenny Rosen',
        email: 'jenny@example.test',
        address: { country: 'us', postal_code: '94102' },
      },
      metadata: { order_id: '6735' },
    });
    expect(pm.id).toMatch(/^pm_[0-9A-Za-z]{24}$/);
    expect(pm).toMatchObject({
      object: 'payment_method',
      type: 'card',
      customer: null,
      livemode: false,
      metadata: { order_id: '6735' },
      billing_details: {
        name: 'Jenny Rosen',
        email: 'jenny@example.test',
        phone: null,
        address: { country: 'US', postal_code: '94102', line1: null },
      },
      card: {
        brand: 'visa',
        last4: '4242',
        exp_month: 8,
        exp_year: EXP.exp_year,
        funding: 'credit',
        country: 'US',
        checks: { cvc_check: 'pass' },
      },
    });
    expect(pm.card!.fingerprint).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(JSON.stringify(pm)).not.toContain('4242424242424242');
    expect(JSON.stringify(pm)).not.toContain('314');

    const row = await one(
      `SELECT last_four, brand, expires_at::text AS expires_at, cvc_check, encrypted_billing_details IS NOT NULL AS billing,
              length(fingerprint) AS fp FROM payment_methods_vault WHERE token = $1`,
      [pm.id],
    );
    expect(row).toEqual({
      last_four: '4242',
      brand: 'visa',
      expires_at: `${EXP.exp_year}-08-31`,
      cvc_check: 'pass',
      billing: true,
      fp: 64,
    });

    expect(await stripe.paymentMethods.retrieve(pm.id)).toMatchObject({
      id: pm.id,
      billing_details: { name: 'Jenny Rosen' },
    });
  });

  it('without a CVC, cvc_check is null; a two-digit year is 20xx', async () => {
    const { stripe } = await client();
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '5555555555554444', exp_month: 1, exp_year: EXP.exp_year - 2000 },
    });
    expect(pm.card).toMatchObject({
      brand: 'mastercard',
      last4: '4444',
      exp_year: EXP.exp_year,
      checks: { cvc_check: null },
    });
  });

  it('refuses raw card numbers from a live-mode key', async () => {
    const { actor } = await client();
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const err = await rejection(
      live.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...EXP, cvc: '123' } }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: 'live_card_data_not_allowed' });
    expect(err.message).toMatch(/not allowed in live mode/);
    // Test tokens do not exist in live mode either.
    expect(await rejection(live.paymentMethods.retrieve('pm_card_visa'))).toMatchObject({ statusCode: 404 });
  });

  it('answers a number failing the Luhn check with a StripeCardError incorrect_number on card[number]', async () => {
    const { stripe } = await client();
    const err = await rejection(
      stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424241', ...EXP } }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'incorrect_number',
      param: 'card[number]',
    });
    expect(err.message).not.toContain('4242424242424241');
  });

  it.each([
    [{ exp_month: 12, exp_year: 2020 }, 'invalid_expiry_year', 'card[exp_year]'],
    [{ exp_month: 13, exp_year: 2030 }, 'invalid_expiry_month', 'card[exp_month]'],
    [{ exp_month: 1, exp_year: new Date().getUTCFullYear() }, 'invalid_expiry_month', 'card[exp_month]'],
  ])('expired or impossible expiry %j → %s', async (exp, code, param) => {
    if (new Date().getUTCMonth() === 0 && exp.exp_month === 1 && exp.exp_year === new Date().getUTCFullYear())
      return;
    const { stripe } = await client();
    const err = await rejection(
      stripe.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...exp } }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({ code, param });
  });

  it('checks the CVC format, and refuses unknown parameters', async () => {
    const { stripe } = await client();
    expect(
      await rejection(
        stripe.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...EXP, cvc: '12' } }),
      ),
    ).toMatchObject({ code: 'invalid_cvc', param: 'card[cvc]' });
    expect(
      await rejection(
        stripe.paymentMethods.create({
          type: 'card',
          card: { number: randomVisa(), ...EXP },
          customer: 'cus_x',
        }),
      ),
    ).toMatchObject({ code: 'parameter_unknown', param: 'customer' });
  });
});

describe('Stripe test tokens', () => {
  it.each([
    ['pm_card_visa', 'visa', '4242'],
    ['pm_card_mastercard', 'mastercard', '4444'],
    ['pm_card_amex', 'amex', '0005'],
    ['pm_card_chargeDeclined', 'visa', '0002'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'visa', '9995'],
  ])('%s resolves to a fresh %s ending %s', async (token, brand, last4) => {
    const { stripe } = await client();
    const a = await stripe.paymentMethods.retrieve(token);
    const b = await stripe.paymentMethods.retrieve(token);
    expect(a.card).toMatchObject({ brand, last4 });
    expect(a.id).toMatch(/^pm_[0-9A-Za-z]{24}$/);
    expect(b.id).not.toBe(a.id);
    expect(b.card!.fingerprint).toBe(a.card!.fingerprint);
  });

  it('card[token]=tok_visa creates a PaymentMethod; pm_card_visa_debit is a debit card', async () => {
    const { stripe } = await client();
    const pm = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_visa' } });
    expect(pm.card).toMatchObject({ brand: 'visa', last4: '4242' });
    expect((await stripe.paymentMethods.retrieve('pm_card_visa_debit')).card!.funding).toBe('debit');
    expect(
      await rejection(stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_nope' } })),
    ).toMatchObject({
      statusCode: 404,
      param: 'card[token]',
    });
  });
});

describe('attach, detach and list', () => {
  it('attaches to a customer, lists newest first with cursors, detaches', async () => {
    const { stripe } = await client();
    const customer = await stripe.customers.create({ email: 'cards@example.test' });
    const created: Stripe.PaymentMethod[] = [];
    for (let i = 0; i < 3; i++) {
      const pm = await stripe.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...EXP } });
      created.push(await stripe.paymentMethods.attach(pm.id, { customer: customer.id }));
    }
    expect(created.every((pm) => pm.customer === customer.id)).toBe(true);
    const fromTestToken = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    expect(fromTestToken).toMatchObject({ customer: customer.id, card: { last4: '4444' } });

    const newestFirst = [fromTestToken, ...created.reverse()].map((p) => p.id);
    const list = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(list.data.map((p) => p.id)).toEqual(newestFirst);
    const viaCustomer = await stripe.customers.listPaymentMethods(customer.id, { limit: 2 });
    expect(viaCustomer.data.map((p) => p.id)).toEqual(newestFirst.slice(0, 2));
    expect(viaCustomer.has_more).toBe(true);
    const walked = [];
    for await (const pm of stripe.customers.listPaymentMethods(customer.id, { limit: 1 })) walked.push(pm.id);
    expect(walked).toEqual(newestFirst);

    const detached = await stripe.paymentMethods.detach(created[0]!.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data.map((p) => p.id)).toEqual(
      newestFirst.filter((id) => id !== created[0]!.id),
    );
    expect(await stripe.paymentMethods.retrieve(created[0]!.id)).toMatchObject({ customer: null });
    // Detached for good, as at Stripe.
    expect(
      await rejection(stripe.paymentMethods.attach(created[0]!.id, { customer: customer.id })),
    ).toMatchObject({ statusCode: 400, code: 'payment_method_unexpected_state' });
    expect(await rejection(stripe.paymentMethods.detach(created[0]!.id))).toMatchObject({
      code: 'payment_method_not_attached',
    });
  });

  it('a customer keeps one PaymentMethod per card; a test token returns the attached copy', async () => {
    const { stripe } = await client();
    const customer = await stripe.customers.create({});
    const number = randomVisa();
    const a = await stripe.paymentMethods.create({ type: 'card', card: { number, ...EXP } });
    const b = await stripe.paymentMethods.create({ type: 'card', card: { number, ...EXP } });
    await stripe.paymentMethods.attach(a.id, { customer: customer.id });
    expect(await rejection(stripe.paymentMethods.attach(b.id, { customer: customer.id }))).toMatchObject({
      statusCode: 400,
      code: 'resource_already_exists',
    });
    // Attaching again to the same customer is a no-op.
    expect((await stripe.paymentMethods.attach(a.id, { customer: customer.id })).id).toBe(a.id);
    const v1 = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const v2 = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    expect(v2.id).toBe(v1.id);
  });

  it('refuses to move a PaymentMethod to another customer, and unknown or deleted customers', async () => {
    const { stripe } = await client();
    const [c1, c2] = [await stripe.customers.create({}), await stripe.customers.create({})];
    const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: c1.id });
    expect(await rejection(stripe.paymentMethods.attach(pm.id, { customer: c2.id }))).toMatchObject({
      code: 'payment_method_already_attached',
    });
    await stripe.customers.del(c2.id);
    expect(await rejection(stripe.paymentMethods.attach('pm_card_visa', { customer: c2.id }))).toMatchObject({
      statusCode: 404,
      param: 'customer',
    });
    expect(await rejection(stripe.paymentMethods.list({ customer: 'cus_nope' }))).toMatchObject({
      statusCode: 404,
    });
    expect(await rejection(stripe.paymentMethods.list({}))).toMatchObject({
      code: 'parameter_missing',
    });
  });

  it('updates billing details and metadata', async () => {
    const { stripe } = await client();
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: randomVisa(), ...EXP },
      billing_details: { name: 'A', phone: '+1 555' },
      metadata: { a: '1', b: '2' },
    });
    await stripe.paymentMethods.retrieve(pm.id); // now cached
    const updated = await stripe.paymentMethods.update(pm.id, {
      billing_details: { name: 'B', phone: '' },
      metadata: { a: '', c: '3' },
    });
    expect(updated).toMatchObject({
      billing_details: { name: 'B', phone: null },
      metadata: { b: '2', c: '3' },
    });
    expect(await stripe.paymentMethods.retrieve(pm.id)).toMatchObject({
      billing_details: { name: 'B' },
      metadata: { c: '3' },
    });
  });
});

describe('tenancy and permissions', () => {
  it("another merchant's PaymentMethod, or the other mode's, is No such PaymentMethod", async () => {
    const { actor, stripe } = await client();
    const other = (await client()).stripe;
    const pm = await stripe.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...EXP } });
    const cus = await stripe.customers.create({});
    const otherCustomer = await other.customers.create({});
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const calls = [
      () => other.paymentMethods.retrieve(pm.id),
      () => other.paymentMethods.update(pm.id, { metadata: { x: '1' } }),
      () => other.paymentMethods.detach(pm.id),
      () => other.paymentMethods.attach(pm.id, { customer: otherCustomer.id }),
      () => live.paymentMethods.retrieve(pm.id),
    ];
    for (const call of calls) {
      const err = await rejection(call());
      expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing' });
      expect(err.message).toBe(`No such PaymentMethod: '${pm.id}'`);
    }
    // Its customer is not theirs either.
    expect(await rejection(other.paymentMethods.attach('pm_card_visa', { customer: cus.id }))).toMatchObject({
      statusCode: 404,
      param: 'customer',
    });
    expect((await stripe.paymentMethods.retrieve(pm.id)).metadata).toEqual({});
  });

  it('restricted keys need customers:read / customers:write', async () => {
    const { actor, stripe } = await client();
    const pm = await stripe.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...EXP } });
    const reader = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { customers: 'read' } }),
    );
    expect((await reader.paymentMethods.retrieve(pm.id)).id).toBe(pm.id);
    expect(
      await rejection(reader.paymentMethods.create({ type: 'card', card: { token: 'tok_visa' } })),
    ).toMatchObject({
      statusCode: 403,
    });
  });
});

describe('fingerprints', () => {
  it('are the same for the same card, differ between cards, and between merchants', async () => {
    const { stripe } = await client();
    const other = (await client()).stripe;
    const number = randomVisa();
    const a = await stripe.paymentMethods.create({ type: 'card', card: { number, ...EXP } });
    const b = await stripe.paymentMethods.create({
      type: 'card',
      card: { number, exp_month: 1, exp_year: EXP.exp_year + 1 },
    });
    const c = await stripe.paymentMethods.create({ type: 'card', card: { number: randomVisa(), ...EXP } });
    const d = await other.paymentMethods.create({ type: 'card', card: { number, ...EXP } });
    expect(b.card!.fingerprint).toBe(a.card!.fingerprint);
    expect(c.card!.fingerprint).not.toBe(a.card!.fingerprint);
    expect(d.card!.fingerprint).not.toBe(a.card!.fingerprint);
    // Stored: one keyed hash per card across the platform.
    const rows = await one(
      'SELECT count(DISTINCT fingerprint)::int AS n FROM payment_methods_vault WHERE token = ANY($1)',
      [[a.id, b.id, d.id]],
    );
    expect(rows.n).toBe(1);
  });
});
