import Redis from 'ioredis';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { checkRateLimit, resetLocalRateLimitsForTests } from '@/lib/api/rate-limit';
import { MAX_BODY_BYTES } from '@/lib/api/read-params';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { invalidateMerchantCache } from '@/lib/merchants/merchant-cache';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { one, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, merchantWithKey, newKey } from './helpers';

/** The parts of the /v1 pipeline every endpoint shares. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
afterEach(() => resetClockForTests());

async function call(path: string, init: RequestInit & { key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  const res = await fetch(`${server.url}${path}`, { ...init, headers });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: JSON.parse(text) as { error?: Record<string, unknown> },
  };
}

describe('authentication', () => {
  it('no key, an unknown key and a malformed header are 401 in Stripe’s shape, with the request id', async () => {
    const missing = await call('/v1/customers');
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatchObject({
      type: 'authentication_error',
      request_id: missing.headers.get('request-id'),
    });
    expect(missing.json.error?.message).toMatch(/You did not provide an API key/);

    const unknown = await call('/v1/customers', { key: 'sk_test_00000000000000000000000000000000' });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error?.message).toBe(`Invalid API Key provided: sk_test_${'*'.repeat(24)}0000`);
    expect(unknown.json.error).not.toHaveProperty('request_log_url');

    const wrongScheme = await call('/v1/customers', { headers: { authorization: 'Token abc' } });
    expect(wrongScheme.status).toBe(401);
  });

  it('HTTP Basic with the key as user name works, as with curl -u', async () => {
    const { key } = await merchantWithKey();
    const res = await call('/v1/customers', {
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    });
    expect(res.status).toBe(200);
  });

  it('the SDK raises StripeAuthenticationError, and a revoked key fails on the very next request', async () => {
    const actor = await actorForNewMerchant();
    const key = await newKey(actor);
    const stripe = server.stripe(key);
    await stripe.customers.list(); // cached lookup now
    const [listed] = (await listApiKeys(actor.merchantId, 'test')).filter((k) => key.startsWith(k.prefix));
    await revokeApiKey(actor, listed!.id);
    const err = await stripe.customers.list().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(
      await server
        .stripe('sk_live_nope')
        .customers.list()
        .catch((e: unknown) => e),
    ).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("a suspended merchant's keys get 403, a closed merchant's keys 401", async () => {
    const { actor, key } = await merchantWithKey();
    await query("UPDATE merchants SET status = 'suspended' WHERE id = $1", [actor.merchantId]);
    await invalidateMerchantCache(actor.merchantId);
    const suspended = await call('/v1/customers', { key });
    expect(suspended.status).toBe(403);
    expect(suspended.json.error).toMatchObject({ type: 'permission_error', code: 'account_suspended' });
    await query("UPDATE merchants SET status = 'closed' WHERE id = $1", [actor.merchantId]);
    await invalidateMerchantCache(actor.merchantId);
    expect((await call('/v1/customers', { key })).status).toBe(401);
  });
});

describe('headers', () => {
  it('echoes Stripe-Version, refuses a malformed one, and refuses Stripe-Account', async () => {
    const { key } = await merchantWithKey();
    const res = await call('/v1/customers', { key, headers: { 'stripe-version': '2024-06-20' } });
    expect(res.headers.get('stripe-version')).toBe('2024-06-20');
    expect((await call('/v1/customers', { key })).headers.get('stripe-version')).toMatch(
      /^\d{4}-\d{2}-\d{2}/,
    );
    const bad = await call('/v1/customers', { key, headers: { 'stripe-version': 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'api_version_invalid' });

    const sdk = new Stripe(key, {
      host: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      stripeAccount: 'acct_123',
    });
    const err = await sdk.customers.list().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).message).toMatch(/Stripe-Account header is not supported/);
  });
});

describe('request bodies', () => {
  it('refuses unknown content types, broken JSON, oversized bodies and POST parameters in the query string', async () => {
    const { key } = await merchantWithKey();
    const post = (body: BodyInit, type: string, path = '/v1/customers') =>
      call(path, { key, method: 'POST', body, headers: { 'content-type': type } });
    expect((await post('<x/>', 'application/xml')).json.error?.message).toMatch(/Unsupported Content-Type/);
    expect((await post('{"email":', 'application/json')).json.error?.message).toBe(
      'Invalid JSON in the request body.',
    );
    expect((await post('[1]', 'application/json')).json.error?.message).toBe(
      'The request body must be a JSON object.',
    );
    const huge = await post(`description=${'x'.repeat(MAX_BODY_BYTES)}`, 'application/x-www-form-urlencoded');
    expect(huge.status).toBe(400);
    expect(huge.json.error).toMatchObject({ code: 'request_too_large' });
    const query = await post(
      'email=a%40b.test',
      'application/x-www-form-urlencoded',
      '/v1/customers?email=x',
    );
    expect(query.status).toBe(400);
  });
});

describe('rate limits', () => {
  it('a burst past the test-mode limit gets 429 with Retry-After; other endpoints keep their budget', async () => {
    const { key } = await merchantWithKey();
    const results = await Promise.all(Array.from({ length: 40 }, () => call('/v1/customers', { key })));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    const one429 = limited[0]!;
    expect(one429.json.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit' });
    expect(Number(one429.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(one429.headers.get('ratelimit-limit')).toBe('25');
    expect(one429.headers.get('ratelimit-remaining')).toBe('0');

    // The SDK raises StripeRateLimitError for a 429 (retried until the window is full again,
    // whatever time the burst above took on a loaded machine).
    let sdkErr: unknown = null;
    for (let i = 0; i < 60 && !(sdkErr instanceof Stripe.errors.StripeRateLimitError); i++) {
      sdkErr = await server
        .stripe(key)
        .customers.list()
        .then(
          () => null,
          (e: unknown) => e,
        );
    }
    expect(sdkErr).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    // Creating customers is another endpoint, with its own budget.
    expect(
      (
        await call('/v1/customers', {
          key,
          method: 'POST',
          body: 'email=ok%40example.test',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(200);
  });

  it('the window slides: budget returns as time passes', async () => {
    const windows = [{ seconds: 60, limit: 3 }];
    for (let i = 0; i < 3; i++) expect((await checkRateLimit('key-slide', 'e', windows)).allowed).toBe(true);
    const refused = await checkRateLimit('key-slide', 'e', windows);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    advanceClockForTests(120_000);
    expect((await checkRateLimit('key-slide', 'e', windows)).allowed).toBe(true);
  });

  it('the hourly window holds even when the per-second one has room', async () => {
    const windows = [
      { seconds: 1, limit: 100 },
      { seconds: 3600, limit: 2 },
    ];
    expect((await checkRateLimit('key-hour', 'e', windows)).allowed).toBe(true);
    expect((await checkRateLimit('key-hour', 'e', windows)).allowed).toBe(true);
    expect(await checkRateLimit('key-hour', 'e', windows)).toMatchObject({ allowed: false, limit: 2 });
  });

  it('without Redis, limits still hold per process (never unlimited, never an error)', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on('error', () => undefined);
    try {
      resetLocalRateLimitsForTests();
      const windows = [{ seconds: 60, limit: 5 }];
      const results = [];
      for (let i = 0; i < 8; i++)
        results.push((await checkRateLimit('key-dead', 'e', windows, dead)).allowed);
      expect(results).toEqual([true, true, true, true, true, false, false, false]);
    } finally {
      dead.disconnect();
    }
  });
});

describe('request log', () => {
  async function logged(requestId: string) {
    for (let i = 0; i < 50; i++) {
      const rows = await query('SELECT * FROM api_request_logs WHERE request_id = $1', [requestId]);
      if (rows[0]) return rows[0];
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no log row for ${requestId}`);
  }

  it('records each request with its key prefix, idempotency key and redacted bodies', async () => {
    const { actor, key } = await merchantWithKey();
    const res = await call('/v1/customers', {
      key,
      method: 'POST',
      body: 'email=log%40example.test&name=Secret+Name&phone=555&metadata[card]=4242424242424242',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'log-1',
        'user-agent': 'vitest-agent',
      },
    });
    const row = await logged(res.headers.get('request-id')!);
    expect(row).toMatchObject({
      merchant_id: actor.merchantId,
      livemode: false,
      key_prefix: key.slice(0, 12),
      method: 'POST',
      path: '/v1/customers',
      status: 200,
      idempotency_key: 'log-1',
      idempotent_replayed: false,
      user_agent: 'vitest-agent',
    });
    const stored = JSON.stringify([row.request_body, row.response_body]);
    for (const secret of ['Secret Name', '555', '4242424242424242']) expect(stored).not.toContain(secret);
    expect(stored).toContain('log@example.test');
    expect(row.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('records failures with their error type and code; unauthenticated ones without a merchant', async () => {
    const { key } = await merchantWithKey();
    const bad = await call('/v1/customers?limit=500', { key });
    expect(await logged(bad.headers.get('request-id')!)).toMatchObject({
      status: 400,
      error_type: 'invalid_request_error',
      error_code: 'parameter_invalid',
      query_params: { limit: '500' },
    });
    const anon = await call('/v1/customers');
    expect(await logged(anon.headers.get('request-id')!)).toMatchObject({
      status: 401,
      merchant_id: null,
      livemode: null,
    });
    expect((await one('SELECT count(*) FROM api_request_logs')).count).not.toBe('0');
  });
});
