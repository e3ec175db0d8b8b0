import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { redis } from '@/lib/cache/redis';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { createCustomer } from '@/lib/customers/create-customer';
import { env } from '@/lib/env';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { one } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, merchantWithKey, newKey } from './helpers';

/**
 * Idempotency-Key, Stripe's semantics, kept in PostgreSQL: replays are byte for
 * byte, concurrent duplicates get 409 and never run twice, and flushing Redis
 * changes nothing.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
afterEach(() => resetClockForTests());

async function post(key: string, idempotencyKey: string | null, body: string, path = '/v1/customers') {
  const headers: Record<string, string> = {
    authorization: `Bearer ${key}`,
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const customersOf = async (merchantId: string, email: string) =>
  Number(
    (await one('SELECT count(*) FROM customers WHERE merchant_id = $1 AND email = $2', [merchantId, email]))
      .count,
  );

describe('replays', () => {
  it('the same key returns the first response byte for byte, marked as replayed', async () => {
    const { actor, key } = await merchantWithKey();
    const first = await post(key, 'order-1', 'email=one%40example.test&metadata[a]=1');
    expect(first.status).toBe(200);
    const again = await post(key, 'order-1', 'metadata[a]=1&email=one%40example.test');
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('original-request')).toBe(first.headers.get('request-id'));
    expect(again.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
    expect(await customersOf(actor.merchantId, 'one@example.test')).toBe(1);
  });

  it('stores the first response sealed, not in clear, and still replays it byte for byte', async () => {
    const { actor, key } = await merchantWithKey();
    const first = await post(key, 'sealed-1', 'email=sealed%40example.test&name=Private+Person');
    const row = await one(
      'SELECT response_body, response_key_id FROM idempotency_keys WHERE merchant_id = $1 AND idempotency_key = $2',
      [actor.merchantId, 'sealed-1'],
    );
    expect(row.response_key_id).toBeTruthy();
    for (const clear of ['Private Person', 'sealed@example.test', '"object"']) {
      expect(String(row.response_body)).not.toContain(clear);
    }
    const again = await post(key, 'sealed-1', 'email=sealed%40example.test&name=Private+Person');
    expect(again.text).toBe(first.text);
  });

  it('the same key with other parameters is an idempotency error (StripeIdempotencyError)', async () => {
    const { actor, key } = await merchantWithKey();
    const stripe = server.stripe(key);
    await stripe.customers.create({ email: 'p@example.test' }, { idempotencyKey: 'k-params' });
    const err = await stripe.customers
      .create({ email: 'q@example.test' }, { idempotencyKey: 'k-params' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
    expect(await customersOf(actor.merchantId, 'q@example.test')).toBe(0);
    // The same parameters sent to another endpoint are a different request too.
    const other = await post(
      key,
      'k-params',
      'email=p%40example.test',
      '/v1/customers/cus_0000000000000000000000',
    );
    expect(other.status).toBe(400);
    expect(JSON.parse(other.text)).toMatchObject({ error: { type: 'idempotency_error' } });
  });

  it('keys belong to a merchant and a mode', async () => {
    const a = await actorForNewMerchant();
    const b = await actorForNewMerchant();
    const body = 'email=shared%40example.test';
    for (const key of [await newKey(a), await newKey(a, { environment: 'live' }), await newKey(b)]) {
      const res = await post(key, 'same-key', body);
      expect(res.status).toBe(200);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await customersOf(a.merchantId, 'shared@example.test')).toBe(2);
    expect(await customersOf(b.merchantId, 'shared@example.test')).toBe(1);
  });

  it('validation failures are not stored; a corrected request with the key then runs', async () => {
    const { actor, key } = await merchantWithKey();
    expect((await post(key, 'fix-me', 'email=not-an-email')).status).toBe(400);
    const fixed = await post(key, 'fix-me', 'email=fixed%40example.test');
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(await customersOf(actor.merchantId, 'fixed@example.test')).toBe(1);
  });

  it('records expire after 24 hours; the key then runs again', async () => {
    const { actor, key } = await merchantWithKey();
    await post(key, 'daily', 'email=daily%40example.test');
    advanceClockForTests(24 * 3600 * 1000 + 1000);
    const later = await post(key, 'daily', 'email=daily%40example.test');
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(await customersOf(actor.merchantId, 'daily@example.test')).toBe(2);
  });

  it('refuses a key longer than 255 characters', async () => {
    const { key } = await merchantWithKey();
    const res = await post(key, 'k'.repeat(256), 'email=long%40example.test');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'idempotency_key_invalid' } });
  });
});

describe('concurrency', () => {
  it('20 concurrent POSTs with one key create exactly one customer; every answer is that response or 409', async () => {
    const { actor, key } = await merchantWithKey({ environment: 'live' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post(key, 'burst', 'email=burst%40example.test')),
    );
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409);
    expect(ok.length + conflicts.length).toBe(20);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    for (const c of conflicts) {
      expect(JSON.parse(c.text)).toMatchObject({
        error: { type: 'invalid_request_error', code: 'idempotency_key_in_use' },
      });
    }
    expect(await customersOf(actor.merchantId, 'burst@example.test')).toBe(1);
    const after = await post(key, 'burst', 'email=burst%40example.test');
    expect(after.text).toBe(ok[0]!.text);
  });

  it('the SDK retries 409s by itself and ends with the one customer', async () => {
    const { actor, key } = await merchantWithKey({ environment: 'live' });
    const stripe = server.stripe(key, { maxNetworkRetries: 8 });
    const customers = await Promise.all(
      Array.from({ length: 10 }, () =>
        stripe.customers.create({ email: 'sdk@example.test' }, { idempotencyKey: 'sdk-burst' }),
      ),
    );
    expect(new Set(customers.map((c) => c.id)).size).toBe(1);
    expect(await customersOf(actor.merchantId, 'sdk@example.test')).toBe(1);
  });

  it('flushing Redis in the middle of a burst still leaves exactly one customer', async () => {
    const { actor, key } = await merchantWithKey({ environment: 'live' });
    const flush = async () => {
      // Everything this test file's app instance keeps in Redis: auth cache, rate limits, …
      // KEYS patterns are not prefixed by ioredis; DEL arguments are.
      const prefix = env.REDIS_KEY_PREFIX;
      const found = await redis().keys(`${prefix}*`);
      if (found.length) await redis().del(...found.map((k) => k.slice(prefix.length)));
    };
    const burst = () => Array.from({ length: 10 }, () => post(key, 'flushed', 'email=flush%40example.test'));
    const results = await Promise.all([
      ...burst(),
      flush()
        .then(() => Promise.all(burst()))
        .then(() => null),
    ]);
    const again = await Promise.all(burst());
    const all = [...results.filter((r) => r !== null), ...again];
    for (const r of all) expect([200, 409]).toContain(r.status);
    expect(new Set(all.filter((r) => r.status === 200).map((r) => r.text)).size).toBe(1);
    expect(await customersOf(actor.merchantId, 'flush@example.test')).toBe(1);
  });
});

describe('requests that fail once they started', () => {
  const endpoint = {
    name: 'test.customers.create',
    method: 'POST' as const,
    path: '/v1/test',
    summary: 'test',
    tag: 'Test',
    access: { resource: 'customers' as const, access: 'write' as const },
    params: z.strictObject({ email: z.string() }),
    response: z.unknown(),
  };

  function request(key: string, idempotencyKey: string, email: string) {
    return new Request('http://127.0.0.1/v1/test', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'idempotency-key': idempotencyKey,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `email=${encodeURIComponent(email)}`,
    });
  }

  it('a 500 is stored and replayed, the failed work is undone, and no internal detail leaks', async () => {
    const { actor, key } = await merchantWithKey();
    let runs = 0;
    const route = apiRoute(endpoint, async ({ tx, caller, params }) => {
      runs++;
      await createCustomer(tx, caller, { email: params.email });
      throw new Error('database password is hunter2');
    });
    const first = await route(request(key, 'boom', 'boom@example.test'));
    const body = await first.text();
    expect(first.status).toBe(500);
    const parsed = JSON.parse(body) as { error: { type: string; message: string; request_id: string } };
    expect(parsed.error.type).toBe('api_error');
    expect(parsed.error.request_id).toBe(first.headers.get('request-id'));
    expect(parsed.error.message).toContain(parsed.error.request_id);
    expect(body).not.toContain('hunter2');
    expect(body).not.toMatch(/at .*\.ts/);
    expect(await customersOf(actor.merchantId, 'boom@example.test')).toBe(0);

    const replay = await route(request(key, 'boom', 'boom@example.test'));
    expect(replay.status).toBe(500);
    expect(await replay.text()).toBe(body);
    expect(runs).toBe(1);
  });

  it('a second request while the first still runs gets 409, then the stored response', async () => {
    const { actor, key } = await merchantWithKey();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const route = apiRoute(endpoint, async ({ tx, caller, params }) => {
      runs++;
      const c = await createCustomer(tx, caller, { email: params.email });
      await gate;
      return c;
    });
    const first = route(request(key, 'slow', 'slow@example.test'));
    // Let the first request take its lock.
    await new Promise((r) => setTimeout(r, 300));
    const second = await route(request(key, 'slow', 'slow@example.test'));
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'idempotency_key_in_use' } });
    release();
    const done = await first;
    const text = await done.text();
    expect(done.status).toBe(200);
    const third = await route(request(key, 'slow', 'slow@example.test'));
    expect(await third.text()).toBe(text);
    expect(runs).toBe(1);
    expect(await customersOf(actor.merchantId, 'slow@example.test')).toBe(1);
  });
});
