import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payCheckoutSession } from '@/lib/checkout';
import { query } from '@/tests/helpers/fixtures';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { captureLogs, expectNoCardData } from '../vault/card-data-search';
import { randomVisa } from '../vault/helpers';
import { merchantWithKey } from '../api/helpers';
import { payInput, sessionParams } from './helpers';

/**
 * Cards entered on the hosted page go to the vault and nowhere else: after
 * paying sessions with random card numbers and CVCs (and a few mistyped
 * numbers), the whole database, this file's Redis keys and the log are
 * searched for them (tests/integration/vault/card-data-search.ts).
 */
let server: ApiServer;
const logged: string[] = [];
let stopCapture: () => void;
beforeAll(async () => {
  server = await startApiServer();
  stopCapture = captureLogs(logged);
});
afterAll(async () => {
  stopCapture();
  await server.close();
});

describe('checkout card data', () => {
  it('no card number or CVC outside the vault after 30 checkout payments', { timeout: 120_000 }, async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const cards = Array.from({ length: 30 }, () => ({
      number: randomVisa(),
      cvc: String(randomInt(100, 1000)),
    }));
    const mistyped: string[] = [];
    for (const [i, card] of cards.entries()) {
      const session = await stripe.checkout.sessions.create(sessionParams());
      if (i % 10 === 0) {
        const bad = card.number.slice(0, -1) + String((Number(card.number.at(-1)) + 1) % 10);
        mistyped.push(bad);
        const refused = await payCheckoutSession({ ...payInput(session.id, bad), clientIp: `192.0.2.${i}` });
        expect(refused.kind).toBe('invalid');
      }
      const input = payInput(session.id, card.number, { clientIp: `192.0.2.${i}` });
      input.card.cvc = card.cvc;
      expect((await payCheckoutSession(input)).kind).toBe('succeeded');
      await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    }
    // The request log of the session creates is written after each response.
    for (let tries = 0; tries < 100; tries++) {
      const [{ n }] = (await query(
        `SELECT count(*)::int AS n FROM api_request_logs WHERE path = '/v1/checkout/sessions'`,
      )) as [{ n: number }];
      if (n >= cards.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await expectNoCardData({
      numbers: new Set([...cards.map((c) => c.number), ...mistyped]),
      cvcs: new Set(cards.map((c) => c.cvc)),
      logged,
      requestPath: '/v1/checkout/sessions',
      minRequests: cards.length,
    });
  });
});
