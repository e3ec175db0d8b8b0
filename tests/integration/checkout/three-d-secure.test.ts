import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { getCheckoutPage, payCheckoutSession } from '@/lib/checkout';
import { checkoutPageUrl } from '@/lib/checkout/checkout-session-object';
import { getAuthenticationChallenge } from '@/lib/checkout/get-authentication-challenge';
import { submitAuthenticationChallenge } from '@/lib/checkout/submit-authentication-challenge';
import { appUrl } from '@/lib/env';
import { clientSecret } from '@/lib/payments/client-secret';
import { count, one, query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey } from '../api/helpers';
import { CARDS, payInput, sessionParams } from './helpers';

/** 3-D Secure: the challenge URL on requires_action, and completing or failing it. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function stripeClient() {
  const { key } = await merchantWithKey();
  return server.stripe(key);
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}

const eventTypes = async (pi: string) =>
  (await query(`SELECT type FROM events WHERE data->'object'->>'id' = $1 ORDER BY created_at, id`, [pi])).map(
    (e) => e.type as string,
  );

const ledgerCharges = (pi: string) =>
  count('balance_transactions', `type = 'charge' AND source_id = $1`, [fromPublicId('pi', pi)]);

describe('API PaymentIntents', () => {
  async function challenged(options: { capture_method?: 'manual' } = {}) {
    const stripe = await stripeClient();
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://shop.example/return?order=9',
      ...options,
    });
    return { stripe, pi };
  }

  it('confirm with the 3-D Secure card waits in requires_action with a challenge URL on our domain', async () => {
    const { pi } = await challenged();
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.type).toBe('redirect_to_url');
    const url = pi.next_action!.redirect_to_url!.url!;
    expect(url.startsWith(`${appUrl()}/authenticate/${pi.id}?token=`)).toBe(true);
    expect(url).not.toContain(pi.client_secret!);
    expect(pi.next_action!.redirect_to_url!.return_url).toBe('https://shop.example/return?order=9');
    const view = await getAuthenticationChallenge(pi.id, tokenOf(url));
    expect(view).toMatchObject({
      state: 'pending',
      amount: 2500,
      currency: 'EUR',
      brand: 'visa',
      last4: '3155',
    });
    expect(view?.checkoutUrl).toBeNull();
  });

  it('a wrong token is refused and changes nothing', async () => {
    const { stripe, pi } = await challenged();
    const forged = tokenOf(pi.next_action!.redirect_to_url!.url!).replace(/^./, (c) =>
      c === 'A' ? 'B' : 'A',
    );
    expect(await getAuthenticationChallenge(pi.id, forged)).toBeNull();
    expect(
      await submitAuthenticationChallenge({ paymentIntentId: pi.id, token: forged, outcome: 'succeeded' }),
    ).toBeNull();
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_action');
  });

  it('completing it captures the payment (events, ledger) and returns to return_url with Stripe’s parameters', async () => {
    const { stripe, pi } = await challenged();
    const token = tokenOf(pi.next_action!.redirect_to_url!.url!);
    const answer = await submitAuthenticationChallenge({
      paymentIntentId: pi.id,
      token,
      outcome: 'succeeded',
    });
    expect(answer?.result).toBe('succeeded');
    const back = new URL(answer!.redirectUrl!);
    expect(`${back.origin}${back.pathname}`).toBe('https://shop.example/return');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      order: '9',
      payment_intent: pi.id,
      payment_intent_client_secret: clientSecret(pi.id),
      redirect_status: 'succeeded',
    });
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({
      status: 'succeeded',
      amount_received: 2500,
      next_action: null,
      last_payment_error: null,
    });
    expect(await eventTypes(pi.id)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    expect(await ledgerCharges(pi.id)).toBe(1);
    const row = await one('SELECT attempts, fee_amount FROM transactions WHERE id = $1', [
      fromPublicId('pi', pi.id),
    ]);
    expect(row.attempts).toBe(1);
    expect(Number(row.fee_amount)).toBeGreaterThan(0);

    // A second completion (double-click, back button) changes nothing.
    const again = await submitAuthenticationChallenge({
      paymentIntentId: pi.id,
      token,
      outcome: 'succeeded',
    });
    expect(again).toEqual({ result: 'unchanged', redirectUrl: null });
    const failedLater = await submitAuthenticationChallenge({
      paymentIntentId: pi.id,
      token,
      outcome: 'failed',
    });
    expect(failedLater?.result).toBe('unchanged');
    expect(await stripe.paymentIntents.retrieve(pi.id)).toEqual(after);
    expect(await eventTypes(pi.id)).toHaveLength(4);
    expect(await ledgerCharges(pi.id)).toBe(1);
    expect((await getAuthenticationChallenge(pi.id, token))?.state).toBe('succeeded');
  });

  it('with capture_method=manual, completing it leaves the funds held', async () => {
    const { stripe, pi } = await challenged({ capture_method: 'manual' });
    const token = tokenOf(pi.next_action!.redirect_to_url!.url!);
    await submitAuthenticationChallenge({ paymentIntentId: pi.id, token, outcome: 'succeeded' });
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({
      status: 'requires_capture',
      amount_capturable: 2500,
    });
    expect((await stripe.paymentIntents.capture(pi.id)).status).toBe('succeeded');
    expect(await ledgerCharges(pi.id)).toBe(1);
  });

  it('failing it gives payment_intent_authentication_failure; another card then succeeds and the old link is dead', async () => {
    const { stripe, pi } = await challenged();
    const token = tokenOf(pi.next_action!.redirect_to_url!.url!);
    const answer = await submitAuthenticationChallenge({ paymentIntentId: pi.id, token, outcome: 'failed' });
    expect(answer?.result).toBe('failed');
    expect(new URL(answer!.redirectUrl!).searchParams.get('redirect_status')).toBe('failed');
    const failed = await stripe.paymentIntents.retrieve(pi.id);
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      next_action: null,
      last_payment_error: { code: 'payment_intent_authentication_failure', type: 'invalid_request_error' },
    });
    expect(await eventTypes(pi.id)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'payment_intent.payment_failed',
    ]);
    expect(await ledgerCharges(pi.id)).toBe(0);
    // Repeat: harmless.
    expect(
      (await submitAuthenticationChallenge({ paymentIntentId: pi.id, token, outcome: 'failed' }))?.result,
    ).toBe('unchanged');
    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
    // The token was for attempt 1; the intent is now at attempt 2.
    expect(await getAuthenticationChallenge(pi.id, token)).toBeNull();
    expect(
      await submitAuthenticationChallenge({ paymentIntentId: pi.id, token, outcome: 'failed' }),
    ).toBeNull();
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });

  it('a return_url we would not redirect to is not followed', async () => {
    const stripe = await stripeClient();
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'http://evil.example/return',
    });
    const token = tokenOf(pi.next_action!.redirect_to_url!.url!);
    const answer = await submitAuthenticationChallenge({
      paymentIntentId: pi.id,
      token,
      outcome: 'succeeded',
    });
    expect(answer).toEqual({ result: 'succeeded', redirectUrl: null });
  });
});

describe('checkout payments', () => {
  async function newSession() {
    const stripe = await stripeClient();
    return { stripe, session: await stripe.checkout.sessions.create(sessionParams()) };
  }

  it('pay → requires_action → complete: the session completes in the same step and the customer returns to the page', async () => {
    const { stripe, session } = await newSession();
    const outcome = await payCheckoutSession(payInput(session.id, CARDS.threeDSecure));
    expect(outcome.kind).toBe('requires_action');
    const challengeUrl = (outcome as { challengeUrl: string }).challengeUrl;
    expect(challengeUrl.startsWith(`${appUrl()}/authenticate/pi_`)).toBe(true);
    const page = await getCheckoutPage(session.id);
    expect(page).toMatchObject({ status: 'open', payment: { status: 'requires_action', challengeUrl } });
    // Submitting the form again while the challenge is open does not start another payment.
    expect(await payCheckoutSession(payInput(session.id, CARDS.visa))).toEqual({
      kind: 'requires_action',
      challengeUrl,
    });
    const pi = new URL(challengeUrl).pathname.split('/').pop()!;
    expect((await getAuthenticationChallenge(pi, tokenOf(challengeUrl)))?.checkoutUrl).toBe(
      checkoutPageUrl(session.id),
    );

    const answer = await submitAuthenticationChallenge({
      paymentIntentId: pi,
      token: tokenOf(challengeUrl),
      outcome: 'succeeded',
    });
    expect(answer).toEqual({ result: 'succeeded', redirectUrl: checkoutPageUrl(session.id) });
    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      payment_intent: { id: pi, status: 'succeeded' },
    });
    expect(
      await count('events', `type = 'checkout.session.completed' AND data->'object'->>'id' = $1`, [
        session.id,
      ]),
    ).toBe(1);
    expect(await payCheckoutSession(payInput(session.id))).toEqual({
      kind: 'complete',
      redirectUrl: `https://shop.example/thanks?session_id=${session.id}`,
    });
  });

  it('pay → requires_action → fail: the page shows the failure and another card pays', async () => {
    const { stripe, session } = await newSession();
    const outcome = await payCheckoutSession(payInput(session.id, CARDS.threeDSecure));
    const challengeUrl = (outcome as { challengeUrl: string }).challengeUrl;
    const pi = new URL(challengeUrl).pathname.split('/').pop()!;
    const answer = await submitAuthenticationChallenge({
      paymentIntentId: pi,
      token: tokenOf(challengeUrl),
      outcome: 'failed',
    });
    expect(answer).toEqual({ result: 'failed', redirectUrl: checkoutPageUrl(session.id) });
    const page = await getCheckoutPage(session.id);
    expect(page?.status).toBe('open');
    expect(page?.payment?.status).toBe('requires_payment_method');
    expect(page?.payment?.errorMessage).toMatch(/failed authentication/);
    expect((await payCheckoutSession(payInput(session.id))).kind).toBe('succeeded');
    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: 'complete', payment_intent: pi });
  });
});
