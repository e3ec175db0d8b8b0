import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signPayload } from './signature';

const sdk = new Stripe('sk_test_unit', { telemetry: false });
const payload = JSON.stringify(
  { id: 'evt_1', object: 'event', type: 'charge.succeeded', data: { object: {} } },
  null,
  2,
);

describe('Stripe-Signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>', () => {
    const secret = 'whsec_test';
    const header = signPayload(payload, [secret], 1_700_000_000);
    const hex = createHmac('sha256', secret).update(`1700000000.${payload}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${hex}`);
  });

  it('is accepted by the official SDK, for either secret while two sign', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const now = Math.floor(Date.now() / 1000);
    const header = signPayload(payload, [a, b], now);
    expect(header.split(',v1=')).toHaveLength(3);
    expect(sdk.webhooks.constructEvent(payload, header, a).id).toBe('evt_1');
    expect(sdk.webhooks.constructEvent(payload, header, b).id).toBe('evt_1');
    expect(() => sdk.webhooks.constructEvent(payload, header, newWebhookSecret())).toThrow();
    expect(() => sdk.webhooks.constructEvent(`${payload} `, header, a)).toThrow();
    expect(() => sdk.webhooks.constructEvent(payload, signPayload(payload, [a], now - 3600), a)).toThrow(
      /tolerance/,
    );
  });

  it('secrets are whsec_ and 32 random bytes', () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(Buffer.from(s.slice(6), 'hex')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(s);
  });
});
