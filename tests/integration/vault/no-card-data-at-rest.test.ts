import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redis } from '@/lib/cache/redis';
import { env } from '@/lib/env';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { query } from '@/tests/helpers/fixtures';
import { captureLogs, expectNoCardData } from './card-data-search';
import { EXP, merchantWithKey, newKey, randomVisa } from './helpers';

/**
 * Cards with random numbers and CVCs go in through the API (as PaymentMethods,
 * and as 1,000 payments); then the whole database (pg_dump, and every column
 * of every table read as text), every Redis key of this file, and every log
 * line written meanwhile are searched for them. Card numbers may appear
 * nowhere; CVCs (three digits occur by chance anywhere) may appear as no
 * stored value and under no `cvc` key.
 */
const PER_KEY = 20; // under the test-mode rate limit of 25/s per key and endpoint

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

const randomCards = (count: number) => {
  const cards = Array.from({ length: count }, () => ({
    number: randomVisa(),
    cvc: String(randomInt(100, 1000)),
  }));
  expect(new Set(cards.map((c) => c.number)).size).toBe(count);
  return cards;
};

/** The request log is written after each response: wait until it has `count` requests to `path`. */
async function logsWritten(path: string, count: number) {
  for (let tries = 0; tries < 200; tries++) {
    const [{ n }] = (await query('SELECT count(*)::int AS n FROM api_request_logs WHERE path LIKE $1', [
      `${path}%`,
    ])) as [{ n: number }];
    if (n >= count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('no card number or CVC at rest, in Redis or in logs', () => {
  it('after 200 PaymentMethods with random cards and CVCs', { timeout: 180_000 }, async () => {
    const { actor } = await merchantWithKey();
    const cards = randomCards(200);
    let stripe = server.stripe(await newKey(actor));
    const customer = await stripe.customers.create({ email: 'dump@example.test' });
    for (const [i, card] of cards.entries()) {
      if (i % PER_KEY === 0) stripe = server.stripe(await newKey(actor));
      const pm = await stripe.paymentMethods.create({
        type: 'card',
        card: { number: card.number, ...EXP, cvc: card.cvc },
        billing_details: { name: `Holder ${i}` },
      });
      // Exercise every path that caches or logs: attach, retrieve, list, and a failure.
      if (i % 10 === 0) await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
      if (i % 10 === 1) await stripe.paymentMethods.retrieve(pm.id);
    }
    await stripe.customers.listPaymentMethods(customer.id, { limit: 100 });
    const bad = cards[0]!.number.slice(0, -1) + String((Number(cards[0]!.number.at(-1)) + 1) % 10);
    await stripe.paymentMethods
      .create({ type: 'card', card: { number: bad, ...EXP, cvc: '999' } })
      .catch(() => undefined);
    await logsWritten('/v1/payment_methods', cards.length + 1);
    const vaulted = await query<{ n: number }>('SELECT count(*)::int AS n FROM payment_methods_vault');
    expect(vaulted[0]!.n).toBe(cards.length);

    await expectNoCardData({
      numbers: new Set([...cards.map((c) => c.number), bad]),
      cvcs: new Set([...cards.map((c) => c.cvc), '999']),
      logged,
      requestPath: '/v1/payment_methods',
      minRequests: cards.length,
    });
    const redisKeys = await redis().keys(`${env.REDIS_KEY_PREFIX}*`);
    expect(redisKeys.some((k) => k.includes('pm:token:pm_'))).toBe(true);
    expect(redisKeys.some((k) => k.includes('customer:pm:'))).toBe(true);
  });

  it('after 1,000 test payments with distinct card numbers and CVCs', { timeout: 300_000 }, async () => {
    const { actor } = await merchantWithKey();
    const cards = randomCards(1_000);
    // Ten clients in parallel, each key under the per-key test-mode limit.
    const lanes = await Promise.all(
      Array.from({ length: 10 }, async () => server.stripe(await newKey(actor))),
    );
    let next = 0;
    await Promise.all(
      lanes.map(async (lane, l) => {
        let stripe = lane;
        for (let sent = 0; next < cards.length; sent++) {
          const card = cards[next++]!;
          if (sent > 0 && sent % PER_KEY === 0) stripe = server.stripe(await newKey(actor));
          const pi = await stripe.paymentIntents.create({
            amount: 1000 + l,
            currency: 'usd',
            confirm: true,
            capture_method: sent % 4 === 0 ? 'manual' : 'automatic',
            // Raw card data (test mode): the SDK's types leave `card` out of payment_method_data.
            payment_method_data: {
              type: 'card',
              card: { number: card.number, ...EXP, cvc: card.cvc },
            } as never,
          });
          expect(pi.status).toMatch(/^(succeeded|requires_capture)$/);
          if (pi.status === 'succeeded' && sent % 5 === 1)
            await stripe.refunds.create({ payment_intent: pi.id, amount: 100 });
        }
      }),
    );
    await logsWritten('/v1/payment_intents', cards.length);
    const paid = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM transactions WHERE merchant_id = $1',
      [actor.merchantId],
    );
    expect(paid[0]!.n).toBe(cards.length);

    await expectNoCardData({
      numbers: new Set(cards.map((c) => c.number)),
      cvcs: new Set(cards.map((c) => c.cvc)),
      logged,
      requestPath: '/v1/payment_intents',
      minRequests: cards.length,
    });
  });
});
