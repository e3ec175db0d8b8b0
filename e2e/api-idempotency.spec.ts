import { expect, test } from '@playwright/test';
import { uniqueEmail } from './helpers/auth';
import {
  createKeyInDashboard,
  keyName,
  flushServerRedis,
  openDemoKeysPage,
  rawRequest,
  sleep,
  stripeFor,
} from './helpers/api';

/**
 * Idempotency under concurrency on the running server: many identical POSTs
 * with one Idempotency-Key create exactly one customer; every answer is that
 * customer's bytes or a 409 "in use"; a later retry replays the bytes. The
 * record lives in PostgreSQL, so wiping the server's Redis in the middle of the
 * run changes nothing. Each test gets its own key, so the 25 requests/s
 * test-mode budget is its own.
 */
const keys = { concurrent: '', flush: '' };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  try {
    await openDemoKeysPage(page);
    keys.concurrent = await createKeyInDashboard(page, { name: keyName('Idempotency: concurrent') });
    keys.flush = await createKeyInDashboard(page, { name: keyName('Idempotency: Redis flush') });
  } finally {
    await page.close();
  }
});

interface Answer {
  status: number;
  body: string;
  replayed: string | null;
  requestId: string | null;
  originalRequest: string | null;
}

async function post(key: string, idempotencyKey: string, params: Record<string, string>): Promise<Answer> {
  const response = await rawRequest('POST', '/v1/customers', {
    key,
    params,
    headers: { 'idempotency-key': idempotencyKey },
  });
  return {
    status: response.status,
    body: await response.text(),
    replayed: response.headers.get('idempotent-replayed'),
    requestId: response.headers.get('request-id'),
    originalRequest: response.headers.get('original-request'),
  };
}

/** Every answer is the one customer's exact bytes or a 409 "in use"; returns those bytes. */
function oneOutcome(answers: Answer[]): string {
  const ok = answers.filter((a) => a.status === 200);
  const inUse = answers.filter((a) => a.status === 409);
  expect(
    ok.length + inUse.length,
    JSON.stringify(answers.filter((a) => a.status !== 200 && a.status !== 409)),
  ).toBe(answers.length);
  expect(ok.length).toBeGreaterThanOrEqual(1);
  expect(new Set(ok.map((a) => a.body)).size).toBe(1);
  for (const a of inUse) {
    expect(JSON.parse(a.body)).toMatchObject({
      error: { type: 'invalid_request_error', code: 'idempotency_key_in_use' },
    });
  }
  // Exactly one answer did the work; the other 200s are replays naming it.
  const original = ok.filter((a) => a.replayed === null);
  test.info().annotations.push({
    type: 'answers',
    description: `${original.length} original, ${ok.length - original.length} replayed, ${inUse.length} in use (409)`,
  });
  expect(original).toHaveLength(1);
  for (const a of ok.filter((a) => a.replayed !== null)) {
    expect(a.replayed).toBe('true');
    expect(a.originalRequest).toBe(original[0]!.requestId);
  }
  return ok[0]!.body;
}

test('20 concurrent POSTs with one Idempotency-Key create one customer', async () => {
  const email = uniqueEmail('idem-concurrent');
  const idempotencyKey = `e2e-concurrent-${email}`;
  const params = { email, name: 'Only Once', 'metadata[attempt]': 'concurrent' };

  const answers = await Promise.all(
    Array.from({ length: 20 }, () => post(keys.concurrent, idempotencyKey, params)),
  );
  const body = oneOutcome(answers);
  const customer = JSON.parse(body) as { id: string; email: string };
  expect(customer.email).toBe(email);

  const listed = await stripeFor(keys.concurrent).customers.list({ email });
  expect(listed.data.map((c) => c.id)).toEqual([customer.id]);

  // Afterwards, a retry replays the stored bytes and names the original request.
  const retry = await post(keys.concurrent, idempotencyKey, params);
  expect(retry.status).toBe(200);
  expect(retry.body).toBe(body);
  expect(retry.replayed).toBe('true');
  expect(retry.originalRequest).toBe(answers.find((a) => a.status === 200 && a.replayed === null)!.requestId);
  expect(retry.requestId).not.toBe(retry.originalRequest);

  // The parameters' order and encoding do not matter: the same request in another order replays too.
  const reordered = await post(keys.concurrent, idempotencyKey, {
    'metadata[attempt]': 'concurrent',
    name: 'Only Once',
    email,
  });
  expect(reordered.body).toBe(body);
});

test('wiping the server’s Redis mid-run still leaves exactly one customer', async () => {
  const email = uniqueEmail('idem-flush');
  const idempotencyKey = `e2e-flush-${email}`;
  const params = { email, name: 'Survives Redis' };

  // A wave before, a wave racing the flush, a wave after; the waves are spread
  // over time so some requests meet the first one in flight and some replay.
  const before = Array.from({ length: 8 }, () => post(keys.flush, idempotencyKey, params));
  await sleep(20);
  const during = Array.from({ length: 6 }, () => post(keys.flush, idempotencyKey, params));
  const deleted = await flushServerRedis();
  expect(deleted).toBeGreaterThan(0); // at least this key's rate-limit counters and cached lookup
  test.info().annotations.push({ type: 'redis', description: `${deleted} keys deleted mid-run` });
  const after = Array.from({ length: 6 }, () => post(keys.flush, idempotencyKey, params));

  const answers = await Promise.all([...before, ...during, ...after]);
  const body = oneOutcome(answers);
  const customer = JSON.parse(body) as { id: string };

  const final = await post(keys.flush, idempotencyKey, params);
  expect(final).toMatchObject({ status: 200, body, replayed: 'true' });

  const listed = await stripeFor(keys.flush).customers.list({ email });
  expect(listed.data.map((c) => c.id)).toEqual([customer.id]);
});
