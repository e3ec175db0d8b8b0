import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { DEMO_KEYS, stripeFor } from './helpers/api';

/**
 * Webhooks against the real product: the app and the worker as `npm start`
 * runs them. A receiver in this process (test mode allows http and
 * 127.0.0.1) verifies every delivery with stripe.webhooks.constructEvent; a
 * payment made with the SDK arrives as its events, each exactly once.
 */
interface Received {
  event: Stripe.Event | null;
  signature: string;
}

let server: Server;
let url = '';
const received: Received[] = [];
let secret = '';
const sdk = new Stripe('sk_test_receiver', { telemetry: false });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = String(req.headers['stripe-signature'] ?? '');
      let event: Stripe.Event | null = null;
      try {
        event = sdk.webhooks.constructEvent(Buffer.concat(chunks).toString('utf8'), signature, secret);
      } catch {
        event = null;
      }
      received.push({ event, signature });
      res.writeHead(event ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('a payment made with the SDK is delivered as signed webhooks, each event once', async () => {
  const stripe = stripeFor(DEMO_KEYS.secret);
  const endpoint = await stripe.webhookEndpoints.create({
    url,
    enabled_events: ['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded'],
    description: 'e2e receiver',
  });
  secret = endpoint.secret!;
  try {
    const pi = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    // The intent's events name it by id; the charge's (a `ch_` object) by payment_intent.
    const mine = () =>
      received.filter((r) => {
        const object = r.event?.data.object as { id?: string; payment_intent?: string } | undefined;
        return object?.id === pi.id || object?.payment_intent === pi.id;
      });
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(3);
    // Nothing more arrives (no duplicate for a healthy endpoint).
    await new Promise((r) => setTimeout(r, 2_000));
    expect(
      mine()
        .map((r) => r.event!.type)
        .sort(),
    ).toEqual(['charge.succeeded', 'payment_intent.created', 'payment_intent.succeeded']);
    expect(new Set(mine().map((r) => r.event!.id)).size).toBe(3);
    expect(received.every((r) => r.event !== null)).toBe(true);
    expect(mine()[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    // A healthy endpoint stays enabled.
    expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).status).toBe('enabled');
  } finally {
    await stripe.webhookEndpoints.del(endpoint.id);
  }
});
