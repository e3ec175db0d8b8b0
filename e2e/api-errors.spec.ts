import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { uniqueEmail } from './helpers/auth';
import {
  createKeyInDashboard,
  keyName,
  DEMO_KEYS,
  KEYS_PAGE,
  openDemoKeysPage,
  rawRequest,
  revokeKeyInDashboard,
  sleep,
  stripeError,
  stripeFor,
  type StripeErrorJson,
} from './helpers/api';

/**
 * Every /v1 failure reaches the SDK as the right error class, with Stripe's
 * code and param, and every response (success or error) carries a request id,
 * in the `request-id` header and, for errors, in the body.
 */
const REQUEST_ID = /^req_[0-9A-Za-z]{20}$/;

/** The request id is in the header the SDK reads and in the error body, and they agree. */
function expectRequestId(err: Stripe.errors.StripeError): void {
  expect(err.requestId).toMatch(REQUEST_ID);
  expect((err.raw as { request_id?: string }).request_id).toBe(err.requestId);
}

async function expectRawError(response: Response, status: number, type: string): Promise<StripeErrorJson> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as StripeErrorJson;
  expect(body.error.type).toBe(type);
  expect(response.headers.get('request-id')).toMatch(REQUEST_ID);
  expect(body.error.request_id).toBe(response.headers.get('request-id'));
  return body;
}

const keys = { burst: '', revoked: '', readOnly: '' };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  try {
    await openDemoKeysPage(page);
    keys.burst = await createKeyInDashboard(page, { name: keyName('Errors: burst') });
    keys.readOnly = await createKeyInDashboard(page, {
      name: keyName('Errors: read only'),
      type: 'restricted',
      permissions: { customers: 'read' },
    });
    const revokedName = keyName('Errors: revoked');
    keys.revoked = await createKeyInDashboard(page, { name: revokedName });
    // Used once (so its lookup is cached), then revoked in the dashboard.
    await stripeFor(keys.revoked).customers.list({ limit: 1 });
    await page.goto(KEYS_PAGE);
    await revokeKeyInDashboard(page, revokedName);
  } finally {
    await page.close();
  }
});

test('authentication failures are StripeAuthenticationError', async () => {
  const unknown = `sk_test_${'Q'.repeat(32)}`;
  const err = await stripeError(stripeFor(unknown).customers.list());
  expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  expect(err.statusCode).toBe(401);
  expect(err.message).toContain('Invalid API Key provided');
  expect(err.message).not.toContain(unknown); // masked
  expectRequestId(err);

  const revoked = await stripeError(stripeFor(keys.revoked).customers.list());
  expect(revoked).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  expect(revoked.message).toBe(
    `Invalid API Key provided: sk_test_${'*'.repeat(24)}${keys.revoked.slice(-4)}`,
  );
  expectRequestId(revoked);

  // What the SDK cannot send: no header, an empty scheme, another scheme, Basic without a user.
  const malformed: (Record<string, string> | undefined)[] = [
    undefined,
    { authorization: 'Bearer' },
    { authorization: 'Bearer    ' },
    { authorization: `Token ${DEMO_KEYS.secret}` },
    { authorization: `Basic ${Buffer.from(':').toString('base64')}` },
    { authorization: `Bearer ${DEMO_KEYS.secret}x` },
  ];
  for (const headers of malformed) {
    const body = await expectRawError(
      await rawRequest('GET', '/v1/customers', { headers }),
      401,
      'authentication_error',
    );
    expect(body.error.message).toMatch(/API key/i);
  }

  // HTTP Basic with the key as the user name (curl -u sk_test_…:) is accepted.
  const basic = await rawRequest('GET', '/v1/customers', {
    headers: { authorization: `Basic ${Buffer.from(`${DEMO_KEYS.secret}:`).toString('base64')}` },
  });
  expect(basic.status).toBe(200);
  expect(basic.headers.get('request-id')).toMatch(REQUEST_ID);
});

test('bad parameters are StripeInvalidRequestError naming the parameter', async () => {
  const stripe = stripeFor(DEMO_KEYS.secret);

  const unknown = await stripeError(
    stripe.customers.create({ email: uniqueEmail('p'), nickname: 'Al' } as never),
  );
  expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'nickname' });
  expect(unknown.message).toBe('Received unknown parameter: nickname');
  expectRequestId(unknown);

  const nested = await stripeError(
    stripe.customers.create({ address: { line1: '1 Main St', foo: 'bar' } } as never),
  );
  expect(nested).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(nested).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'address[foo]' });

  const email = await stripeError(stripe.customers.create({ email: 'not-an-email' }));
  expect(email).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(email).toMatchObject({ statusCode: 400, param: 'email' });
  expect(email.message).toContain('not-an-email');

  const limit = await stripeError(stripe.customers.list({ limit: 1000 }));
  expect(limit).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(limit).toMatchObject({ statusCode: 400, param: 'limit' });

  const route = await stripeError(stripe.rawRequest('GET', '/v1/customerz', {}));
  expect(route).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(route).toMatchObject({ statusCode: 404, code: 'route_missing' });
  expectRequestId(route);

  // A failed create created nothing.
  expect((await stripe.customers.list({ email: 'not-an-email' })).data).toEqual([]);
});

test('the Stripe-Account header is refused with a clear 400', async () => {
  const perRequest = await stripeError(
    stripeFor(DEMO_KEYS.secret).customers.list({ limit: 1 }, { stripeAccount: 'acct_1Example' }),
  );
  expect(perRequest).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(perRequest).toMatchObject({ statusCode: 400, code: 'stripe_account_unsupported' });
  expect(perRequest.message).toMatch(/Stripe-Account header is not supported/);
  expectRequestId(perRequest);

  const client = stripeFor(DEMO_KEYS.secret, { stripeAccount: 'acct_1Example' });
  const email = uniqueEmail('connect');
  const onClient = await stripeError(client.customers.create({ email }));
  expect(onClient).toMatchObject({ statusCode: 400, code: 'stripe_account_unsupported' });
  // Nothing was created for the caller's own account either.
  expect((await stripeFor(DEMO_KEYS.secret).customers.list({ email })).data).toEqual([]);
});

test('keys without the permission get StripePermissionError', async () => {
  const readOnly = stripeFor(keys.readOnly);
  const list = await readOnly.customers.list({ limit: 1 });
  expect(list.object).toBe('list');

  const email = uniqueEmail('read-only');
  const create = await stripeError(readOnly.customers.create({ email }));
  expect(create).toBeInstanceOf(Stripe.errors.StripePermissionError);
  expect(create.statusCode).toBe(403);
  expect(create.message).toContain("'customers:write'");
  expectRequestId(create);
  expect((await readOnly.customers.list({ email })).data).toEqual([]);

  const publishable = stripeFor(DEMO_KEYS.publishable);
  for (const call of [() => publishable.customers.list(), () => publishable.customers.create({ email })]) {
    const err = await stripeError(call());
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(err.statusCode).toBe(403);
    expect(err.message).toMatch(/publishable API key/);
    expectRequestId(err);
  }
});

test('reusing an Idempotency-Key with other parameters is StripeIdempotencyError', async () => {
  const stripe = stripeFor(DEMO_KEYS.secret);
  const idempotencyKey = `e2e-${uniqueEmail('idem')}`;
  const email = uniqueEmail('idem-a');
  const first = await stripe.customers.create({ email }, { idempotencyKey });
  const again = await stripe.customers.create({ email }, { idempotencyKey });
  expect(again.id).toBe(first.id);
  expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');

  const err = await stripeError(
    stripe.customers.create({ email: uniqueEmail('idem-b') }, { idempotencyKey }),
  );
  expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  expect(err.statusCode).toBe(400);
  expect(err.message).toContain(idempotencyKey);
  expectRequestId(err);
});

test('a burst over the test-mode limit is StripeRateLimitError with Retry-After', async () => {
  const stripe = stripeFor(keys.burst);
  let limited: Stripe.errors.StripeError | undefined;
  let succeeded = 0;
  for (let burst = 0; burst < 3 && !limited; burst++) {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => stripe.customers.list({ limit: 1 })),
    );
    for (const r of results) {
      if (r.status === 'fulfilled') succeeded++;
      else {
        expect(r.reason).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
        limited ??= r.reason as Stripe.errors.StripeError;
      }
    }
  }
  expect(limited, 'a 429 within three bursts of 40').toBeDefined();
  expect(succeeded).toBeGreaterThanOrEqual(25); // the key had its full budget first
  expect(limited).toMatchObject({ statusCode: 429, code: 'rate_limit' });
  expect(limited!.headers?.['retry-after']).toMatch(/^\d+$/);
  expectRequestId(limited!);

  // The same through fetch: Retry-After and the RateLimit-* headers.
  let response: Response | undefined;
  for (let i = 0; i < 50; i++) {
    response = await rawRequest('GET', '/v1/customers', { key: keys.burst });
    if (response.status === 429) break;
  }
  const body = await expectRawError(response!, 429, 'rate_limit_error');
  expect(body.error.code).toBe('rate_limit');
  const retryAfter = Number(response!.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(2);
  expect(response!.headers.get('ratelimit-limit')).toBe('25');
  expect(response!.headers.get('ratelimit-remaining')).toBe('0');

  // The limit is per key: another key of the same merchant is not affected.
  expect((await stripeFor(DEMO_KEYS.secret).customers.list({ limit: 1 })).object).toBe('list');

  // After Retry-After, the key works again.
  await sleep(retryAfter * 1000 + 250);
  expect((await stripe.customers.list({ limit: 1 })).object).toBe('list');
});
