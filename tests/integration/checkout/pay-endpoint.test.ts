import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/checkout/[id]/pay/route';
import type { PayResult } from '@/lib/checkout-page/pay-result';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey } from '../api/helpers';
import { CARDS, sessionParams } from './helpers';

/**
 * POST /checkout/<id>/pay, the hosted page's pay endpoint, called as its
 * script calls it: JSON from our own origin. And refused when it is not.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const ORIGIN = 'http://127.0.0.1:3100';
const form = (number: string = CARDS.visa) => ({
  email: 'buyer@example.com',
  number,
  expiry: `12 / ${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`,
  cvc: '123',
  name: 'Ada Buyer',
  country: 'US',
  postalCode: '94107',
});

async function newSession() {
  const { key } = await merchantWithKey();
  const stripe = server.stripe(key);
  return { stripe, session: await stripe.checkout.sessions.create(sessionParams()) };
}

async function pay(id: string, body: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`${ORIGIN}/checkout/${id}/pay`, {
    method: 'POST',
    body,
    headers: {
      host: '127.0.0.1:3100',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      'x-forwarded-for': '203.0.113.9',
      ...headers,
    },
  });
  const response = await POST(request, { params: Promise.resolve({ id }) });
  return {
    status: response.status,
    cache: response.headers.get('cache-control'),
    result: (await response.json()) as PayResult,
  };
}

describe('POST /checkout/<id>/pay', () => {
  it('pays from our own page: succeeded with the checked success_url, no-store; then complete', async () => {
    const { stripe, session } = await newSession();
    const first = await pay(session.id, JSON.stringify(form()));
    expect(first).toEqual({
      status: 200,
      cache: 'no-store',
      result: { kind: 'succeeded', redirectUrl: `https://shop.example/thanks?session_id=${session.id}` },
    });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'complete' });
    expect((await pay(session.id, JSON.stringify(form()))).result.kind).toBe('complete');
  });

  it('answers a decline and invalid fields for the form', async () => {
    const { session } = await newSession();
    const declined = await pay(session.id, JSON.stringify(form(CARDS.insufficientFunds)));
    expect(declined.result).toEqual({ kind: 'declined', message: 'Your card has insufficient funds.' });
    const invalid = await pay(session.id, JSON.stringify({ ...form('4242424242424241'), cvc: '' }));
    expect(invalid.result).toEqual({
      kind: 'invalid',
      errors: { number: 'Your card number is invalid.', cvc: 'Enter the security code (CVC).' },
    });
  });

  it('refuses cross-site requests and odd bodies before paying anything', async () => {
    const { stripe, session } = await newSession();
    const body = JSON.stringify(form());
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ];
    for (const headers of crossSite) {
      const refused = await pay(session.id, body, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.result.kind).toBe('error');
    }
    expect((await pay(session.id, '{not json')).status).toBe(400);
    expect((await pay(session.id, JSON.stringify({ ...form(), extra: 'x'.repeat(5000) }))).status).toBe(413);
    expect((await pay(session.id, JSON.stringify({ ...form(), extra: 1 }))).result).toEqual({
      kind: 'error',
      message: 'Please check the form and try again.',
    });
    expect((await pay('not_a_session', body)).result).toEqual({
      kind: 'error',
      message: 'This checkout page does not exist.',
    });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open' });
  });
});
