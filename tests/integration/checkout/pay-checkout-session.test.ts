import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { getCheckoutPage, parseCheckoutSessionId, payCheckoutSession } from '@/lib/checkout';
import { count, one, query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { actorForNewMerchant, merchantWithKey, newKey } from '../api/helpers';
import { CARDS, payInput, sessionParams } from './helpers';

/** The hosted page's pay flow (lib/checkout), with sessions made through the SDK. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function newSession(over = {}) {
  const { key } = await merchantWithKey();
  const stripe = server.stripe(key);
  const session = await stripe.checkout.sessions.create(sessionParams(over));
  return { stripe, session };
}

const sessionRow = (id: string) =>
  one('SELECT * FROM checkout_sessions WHERE id = $1', [parseCheckoutSessionId(id)!.uuid]);

describe('payCheckoutSession', () => {
  it('a good card pays: session complete + paid, PaymentIntent succeeded, checkout.session.completed', async () => {
    const { stripe, session } = await newSession();
    const outcome = await payCheckoutSession(payInput(session.id));
    expect(outcome).toEqual({
      kind: 'succeeded',
      redirectUrl: `https://shop.example/thanks?session_id=${session.id}`,
    });
    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    const pi = after.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount: 3500,
      currency: 'usd',
      receipt_email: 'buyer@example.com',
    });
    expect(after.customer_details).toMatchObject({
      email: 'buyer@example.com',
      name: 'Ada Buyer',
      address: { country: 'US', postal_code: '94107' },
    });
    const events = await query(
      `SELECT type, data FROM events WHERE type LIKE 'checkout.session.%' AND data->'object'->>'id' = $1`,
      [session.id],
    );
    expect(events.map((e) => e.type)).toEqual(['checkout.session.completed']);
    const page = await getCheckoutPage(session.id);
    expect(page).toMatchObject({
      status: 'complete',
      payment: { status: 'succeeded', brand: 'visa', last4: '4242', amount: 3500 },
    });
    // A later submit (refresh, back button) is answered from the finished session.
    expect(await payCheckoutSession(payInput(session.id))).toEqual({
      kind: 'complete',
      redirectUrl: `https://shop.example/thanks?session_id=${session.id}`,
    });
    expect(await count('transactions', 'id = $1', [fromPublicId('pi', pi.id)])).toBe(1);
  });

  it('a decline shows Stripe’s message, and a second card then succeeds on the same PaymentIntent', async () => {
    const { stripe, session } = await newSession();
    expect(await payCheckoutSession(payInput(session.id, CARDS.insufficientFunds))).toEqual({
      kind: 'declined',
      message: 'Your card has insufficient funds.',
      declineCode: 'insufficient_funds',
    });
    const declined = await sessionRow(session.id);
    expect(declined).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    expect((await getCheckoutPage(session.id))?.payment).toMatchObject({
      status: 'requires_payment_method',
      errorMessage: 'Your card has insufficient funds.',
    });
    expect((await payCheckoutSession(payInput(session.id))).kind).toBe('succeeded');
    const paid = await sessionRow(session.id);
    expect(paid.payment_id).toBe(declined.payment_id);
    const tx = await one('SELECT status, attempts FROM transactions WHERE id = $1', [paid.payment_id]);
    expect(tx).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });
});

describe('never a second payment', () => {
  it('20 concurrent submits of one session: one PaymentIntent, one authorization, one succeeded payment', async () => {
    const { stripe, session } = await newSession();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => payCheckoutSession(payInput(session.id))),
    );
    const redirectUrl = `https://shop.example/thanks?session_id=${session.id}`;
    expect(outcomes.filter((o) => o.kind === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'complete')).toHaveLength(19);
    for (const o of outcomes) expect(o).toMatchObject({ redirectUrl });
    const row = await sessionRow(session.id);
    const merchant = row.merchant_id as string;
    expect(await count('transactions', 'merchant_id = $1', [merchant])).toBe(1);
    expect(await count('transactions', `merchant_id = $1 AND status = 'succeeded'`, [merchant])).toBe(1);
    expect(
      await count('sandbox_gateway_operations', `operation = 'authorize' AND reference LIKE $1`, [
        `${row.payment_id as string}:%`,
      ]),
    ).toBe(1);
    expect(await count('payment_methods_vault', 'merchant_id = $1', [merchant])).toBe(1);
    expect(
      await count('events', `merchant_id = $1 AND type = 'checkout.session.completed'`, [merchant]),
    ).toBe(1);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
  });
});

describe('a payment canceled by the merchant', () => {
  it('expires its session: the page can no longer take a card', async () => {
    const { stripe, session } = await newSession();
    expect((await payCheckoutSession(payInput(session.id, CARDS.declined))).kind).toBe('declined');
    const pi = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    await stripe.paymentIntents.cancel(pi);
    expect(await payCheckoutSession(payInput(session.id))).toEqual({ kind: 'expired' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    expect(await count('transactions', `id = $1 AND status = 'cancelled'`, [fromPublicId('pi', pi)])).toBe(1);
  });
});

describe('what is refused before anything is written', () => {
  it('an expired session answers expired, and nothing is vaulted, created or sent', async () => {
    const { session } = await newSession({ expires_at: Math.floor(Date.now() / 1000) + 31 * 60 });
    const merchant = (await sessionRow(session.id)).merchant_id as string;
    advanceClockForTests(31 * 60_000 + 5_000);
    try {
      expect(await payCheckoutSession(payInput(session.id))).toEqual({ kind: 'expired' });
    } finally {
      resetClockForTests();
    }
    expect(await count('transactions', 'merchant_id = $1', [merchant])).toBe(0);
    expect(await count('payment_methods_vault', 'merchant_id = $1', [merchant])).toBe(0);
    expect(await count('events', 'merchant_id = $1', [merchant])).toBe(0);
    expect(await sessionRow(session.id)).toMatchObject({ status: 'open', payment_id: null });
  });

  it('form errors come back per field, with nothing written', async () => {
    const { session } = await newSession();
    const outcome = await payCheckoutSession(
      payInput(session.id, '4242', {
        email: 'not-an-email',
        billing: { name: ' ', country: 'US', postalCode: '' },
      }),
    );
    expect(outcome).toEqual({
      kind: 'invalid',
      errors: {
        email: 'Your email address is invalid.',
        number: 'Your card number is invalid.',
        name: 'Enter the name on your card.',
        postalCode: 'Your postal code is incomplete.',
      },
    });
    expect((await sessionRow(session.id)).payment_id).toBeNull();
  });

  it('a card the vault refuses is reported on its field (Stripe’s message)', async () => {
    const { session } = await newSession();
    expect(await payCheckoutSession(payInput(session.id, '4242424242424241'))).toEqual({
      kind: 'invalid',
      errors: { number: 'Your card number is incorrect.' },
    });
    const expiredCard = payInput(session.id);
    expiredCard.card.expYear = 2020;
    expect(await payCheckoutSession(expiredCard)).toEqual({
      kind: 'invalid',
      errors: { expiry: "Your card's expiration year is invalid." },
    });
    expect((await sessionRow(session.id)).payment_id).toBeNull();
  });

  it('the incorrect-CVC test card is declined with Stripe’s message', async () => {
    const { session } = await newSession();
    expect(await payCheckoutSession(payInput(session.id, CARDS.incorrectCvc))).toEqual({
      kind: 'declined',
      message: "Your card's security code is incorrect.",
      declineCode: 'incorrect_cvc',
    });
  });
});

describe('card-testing limits', () => {
  const authorizations = (merchant: string) =>
    query(
      `SELECT count(*)::int AS n FROM sandbox_gateway_operations o
         JOIN transactions t ON o.reference LIKE t.id::text || ':%'
        WHERE o.operation = 'authorize' AND t.merchant_id = $1`,
      [merchant],
    ).then((r) => r[0]!.n as number);

  it('after 5 failures on one session, attempts are refused — nothing vaulted or sent — until the window passes', async () => {
    const { session } = await newSession();
    const ip = '198.51.100.1';
    for (let i = 0; i < 5; i++) {
      expect((await payCheckoutSession(payInput(session.id, CARDS.declined, { clientIp: ip }))).kind).toBe(
        'declined',
      );
    }
    const merchant = (await sessionRow(session.id)).merchant_id as string;
    const [vaulted, sent] = [
      await count('payment_methods_vault', 'merchant_id = $1', [merchant]),
      await authorizations(merchant),
    ];
    expect(sent).toBe(5);
    const blocked = await payCheckoutSession(payInput(session.id, CARDS.visa, { clientIp: '198.51.100.2' }));
    expect(blocked.kind).toBe('rate_limited');
    const retryAfter = (blocked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2 * 15 * 60 + 1);
    expect(await count('payment_methods_vault', 'merchant_id = $1', [merchant])).toBe(vaulted);
    expect(await authorizations(merchant)).toBe(sent);
    // A finished check: the block lifts once the failures have aged out of the window.
    advanceClockForTests((retryAfter + 1) * 1000);
    try {
      expect((await payCheckoutSession(payInput(session.id, CARDS.visa, { clientIp: ip }))).kind).toBe(
        'succeeded',
      );
    } finally {
      resetClockForTests();
    }
  });

  it('after 20 failures from one IP, that IP is refused on every session; another IP is not', async () => {
    const ip = '198.51.100.77';
    for (let s = 0; s < 4; s++) {
      const { session } = await newSession();
      for (let i = 0; i < 5; i++)
        await payCheckoutSession(payInput(session.id, CARDS.declined, { clientIp: ip }));
    }
    const { session } = await newSession();
    expect((await payCheckoutSession(payInput(session.id, CARDS.visa, { clientIp: ip }))).kind).toBe(
      'rate_limited',
    );
    expect((await sessionRow(session.id)).payment_id).toBeNull();
    expect(
      (await payCheckoutSession(payInput(session.id, CARDS.visa, { clientIp: '198.51.100.78' }))).kind,
    ).toBe('succeeded');
  });

  it('successes and form errors do not count', async () => {
    const { session } = await newSession();
    for (let i = 0; i < 8; i++) {
      expect((await payCheckoutSession(payInput(session.id, '12', { clientIp: '198.51.100.9' }))).kind).toBe(
        'invalid',
      );
    }
    expect(
      (await payCheckoutSession(payInput(session.id, CARDS.visa, { clientIp: '198.51.100.9' }))).kind,
    ).toBe('succeeded');
  });
});

describe('the page view', () => {
  it('shows the merchant, the lines and the filled-in success_url of an open session', async () => {
    const { session } = await newSession({ customer_email: 'pre@example.com' });
    const merchant = (await sessionRow(session.id)).merchant_id as string;
    await query(
      `UPDATE merchants SET brand_color = '#0a7c4e', logo_url = 'https://shop.example/logo.png' WHERE id = $1`,
      [merchant],
    );
    const page = await getCheckoutPage(session.id);
    expect(page).toMatchObject({
      id: session.id,
      status: 'open',
      livemode: false,
      merchant: { name: 'Test Shop', brandColor: '#0a7c4e', logoUrl: 'https://shop.example/logo.png' },
      currency: 'USD',
      amountSubtotal: 3500,
      amountTotal: 3500,
      customerEmail: 'pre@example.com',
      successUrl: `https://shop.example/thanks?session_id=${session.id}`,
      cancelUrl: 'https://shop.example/cart',
      payment: null,
    });
    expect(page?.lineItems).toEqual([
      {
        name: 'T-shirt',
        description: 'Cotton',
        images: ['https://example.com/t.png'],
        quantity: 2,
        unitAmount: 1500,
        amountTotal: 3000,
      },
      { name: 'Sticker', description: null, images: [], quantity: 1, unitAmount: 500, amountTotal: 500 },
    ]);
    expect(page?.expiresAt.getTime()).toBe(session.expires_at * 1000);
  });

  it('unknown and malformed ids are null', async () => {
    expect(await getCheckoutPage('cs_test_0000000000000000000000')).toBeNull();
    expect(await getCheckoutPage('cs_test_nope')).toBeNull();
    expect(await getCheckoutPage('pi_0000000000000000000000')).toBeNull();
    const { session } = await newSession();
    // The same session id in the other mode is another (missing) session.
    expect(await getCheckoutPage(session.id.replace('cs_test_', 'cs_live_'))).toBeNull();
  });

  it('a session past expires_at is shown and stored as expired, with its event, once', async () => {
    const { stripe, session } = await newSession({ expires_at: Math.floor(Date.now() / 1000) + 31 * 60 });
    advanceClockForTests(32 * 60_000);
    try {
      expect((await getCheckoutPage(session.id))?.status).toBe('expired');
      expect((await getCheckoutPage(session.id))?.status).toBe('expired');
    } finally {
      resetClockForTests();
    }
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    expect(
      await count('events', `type = 'checkout.session.expired' AND data->'object'->>'id' = $1`, [session.id]),
    ).toBe(1);
  });
});

describe('live mode', () => {
  it('a live session takes a card on the page (the only way live card numbers come in)', async () => {
    const actor = await actorForNewMerchant();
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const session = await live.checkout.sessions.create(sessionParams());
    expect(session.id).toMatch(/^cs_live_/);
    expect(await payCheckoutSession(payInput(session.id))).toMatchObject({ kind: 'succeeded' });
    const after = await live.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after).toMatchObject({
      status: 'complete',
      livemode: true,
      payment_intent: { livemode: true, status: 'succeeded' },
    });
  });

  it('a suspended merchant’s page takes no payment', async () => {
    const { session } = await newSession();
    const merchant = (await sessionRow(session.id)).merchant_id as string;
    await query(`UPDATE merchants SET status = 'suspended' WHERE id = $1`, [merchant]);
    expect(await payCheckoutSession(payInput(session.id))).toEqual({
      kind: 'declined',
      message: 'This business can’t accept payments right now. You have not been charged.',
      declineCode: null,
    });
    expect(await count('payment_methods_vault', 'merchant_id = $1', [merchant])).toBe(0);
  });
});
