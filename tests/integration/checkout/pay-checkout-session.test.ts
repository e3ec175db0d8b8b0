import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { getCheckoutPage, parseCheckoutSessionId, payCheckoutSession } from '@/lib/checkout';
import { count, one, query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey } from '../api/helpers';
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
