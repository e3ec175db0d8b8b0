import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { uniqueEmail } from './helpers/auth';
import {
  createKeyInDashboard,
  DEMO_KEYS,
  keyName,
  openDemoKeysPage,
  sleep,
  stripeError,
  stripeFor,
} from './helpers/api';

/**
 * /v1/customers through the official SDK against the running app: the whole
 * life of a customer (create, retrieve, update with Stripe's unset and merge
 * rules, list filtered by email, delete), and auto-pagination over 250
 * customers in both directions returning each exactly once.
 */
const REQUEST_ID = /^req_[0-9A-Za-z]{20}$/;

test('a customer is created, retrieved, updated, listed and deleted through the SDK', async () => {
  const stripe = stripeFor(DEMO_KEYS.secret);
  const email = uniqueEmail('sdk-customer');

  const created = await stripe.customers.create({
    email,
    name: 'Ada Lovelace',
    phone: '+442071234567',
    description: 'Analytical engines',
    address: { line1: '12 St James Square', city: 'London', postal_code: 'SW1Y 4JH', country: 'GB' },
    metadata: { order: '1001', tier: 'gold' },
  });
  expect(created.id).toMatch(/^cus_[0-9A-Za-z]{22}$/);
  expect(created.lastResponse.requestId).toMatch(REQUEST_ID);
  expect(created).toMatchObject({
    object: 'customer',
    email,
    name: 'Ada Lovelace',
    phone: '+442071234567',
    description: 'Analytical engines',
    livemode: false,
    metadata: { order: '1001', tier: 'gold' },
    address: {
      line1: '12 St James Square',
      line2: null,
      city: 'London',
      state: null,
      postal_code: 'SW1Y 4JH',
      country: 'GB',
    },
  });
  expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(120);

  // Retrieve answers the same object (lastResponse is not enumerable, so not compared).
  expect(await stripe.customers.retrieve(created.id)).toEqual(created);

  // Update: metadata merges by key and '' removes one; '' unsets name; absent fields keep their value;
  // an address is replaced as a whole.
  const updated = await stripe.customers.update(created.id, {
    name: '',
    phone: '+442079999999',
    address: { line1: '1 Infinite Loop', city: 'Cupertino', state: 'CA', country: 'US' },
    metadata: { tier: '', vip: 'yes' },
  });
  expect(updated).toMatchObject({
    id: created.id,
    email,
    name: null,
    phone: '+442079999999',
    description: 'Analytical engines',
    metadata: { order: '1001', vip: 'yes' },
    address: {
      line1: '1 Infinite Loop',
      line2: null,
      city: 'Cupertino',
      state: 'CA',
      postal_code: null,
      country: 'US',
    },
  });
  expect(await stripe.customers.retrieve(created.id)).toEqual(updated);

  // metadata='' clears every key; address='' unsets the address.
  const cleared = await stripe.customers.update(created.id, { metadata: '', address: '' });
  expect(cleared.metadata).toEqual({});
  expect(cleared.address).toBeNull();
  expect(cleared.phone).toBe('+442079999999');

  // A second customer with the same email; list by email finds both, newest first, and nothing else.
  const second = await stripe.customers.create({ email, name: 'Charles Babbage' });
  await stripe.customers.create({ email: uniqueEmail('someone-else'), name: 'Someone else' });
  const byEmail = await stripe.customers.list({ email, limit: 10 });
  expect(byEmail.object).toBe('list');
  expect(byEmail.has_more).toBe(false);
  expect(byEmail.url).toBe('/v1/customers');
  expect(byEmail.data.map((c) => c.id)).toEqual([second.id, created.id]);
  const firstOnly = await stripe.customers.list({ email, limit: 1 });
  expect(firstOnly.data.map((c) => c.id)).toEqual([second.id]);
  expect(firstOnly.has_more).toBe(true);

  // Delete: the id stays resolvable as a deleted customer; nothing else can happen to it.
  const deleted = await stripe.customers.del(created.id);
  expect(deleted).toEqual({ id: created.id, object: 'customer', deleted: true });
  expect(await stripe.customers.retrieve(created.id)).toEqual({
    id: created.id,
    object: 'customer',
    deleted: true,
  });

  const updateDeleted = await stripeError(stripe.customers.update(created.id, { name: 'Ghost' }));
  expect(updateDeleted).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(updateDeleted).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  expect(updateDeleted.message).toContain(created.id);
  const deleteAgain = await stripeError(stripe.customers.del(created.id));
  expect(deleteAgain).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(deleteAgain).toMatchObject({ statusCode: 404, code: 'resource_missing' });

  // Lists leave deleted customers out.
  const afterDelete = await stripe.customers.list({ email });
  expect(afterDelete.data.map((c) => c.id)).toEqual([second.id]);

  // An id that never existed is the same 404.
  const missing = await stripeError(stripe.customers.retrieve('cus_0000000000000000000000'));
  expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
});

/**
 * Creates `count` customers spread over `clients`, each key kept under the
 * test-mode limit of 25 requests per second per endpoint: a key starts at most
 * one request per `spacingMs`, with a few in flight. A 429 (the machine stalled
 * and requests bunched up) is waited out and retried, and counted.
 */
async function createPaced(
  clients: Stripe[],
  count: number,
  params: (i: number) => Stripe.CustomerCreateParams,
  spacingMs = 55,
): Promise<{ ids: string[]; rateLimited: number }> {
  const ids: string[] = new Array<string>(count);
  let next = 0;
  let rateLimited = 0;
  const worker = async (client: Stripe, slot: { at: number }) => {
    while (next < count) {
      const i = next++;
      const at = Math.max(slot.at, Date.now());
      slot.at = at + spacingMs;
      await sleep(at - Date.now());
      for (;;) {
        try {
          ids[i] = (await client.customers.create(params(i))).id;
          break;
        } catch (err) {
          if (!(err instanceof Stripe.errors.StripeRateLimitError)) throw err;
          rateLimited++;
          await sleep(300);
        }
      }
    }
  };
  const workers = clients.flatMap((client) => {
    const slot = { at: Date.now() };
    return [worker(client, slot), worker(client, slot), worker(client, slot)];
  });
  await Promise.all(workers);
  return { ids, rateLimited };
}

test('auto-pagination walks 250 customers exactly once, forwards and backwards', async ({ page }) => {
  // Three test keys (the demo key and two fresh ones) at ~18 requests/s each.
  await openDemoKeysPage(page);
  const keys = [DEMO_KEYS.secret];
  for (const name of ['Pagination loader A', 'Pagination loader B'])
    keys.push(await createKeyInDashboard(page, { name: keyName(name) }));
  const clients = keys.map((key) => stripeFor(key));
  const email = uniqueEmail('paged');

  const started = Date.now();
  const { ids, rateLimited } = await createPaced(clients, 250, (i) => ({
    email,
    metadata: { n: String(i) },
  }));
  test.info().annotations.push({
    type: 'load',
    description: `250 customers in ${Date.now() - started} ms, ${rateLimited} rate-limited retries`,
  });
  expect(new Set(ids).size).toBe(250);

  const stripe = clients[1]!;
  const seen: Stripe.Customer[] = [];
  for await (const customer of stripe.customers.list({ email, limit: 100 })) seen.push(customer);
  expect(seen).toHaveLength(250);
  expect(new Set(seen.map((c) => c.id))).toEqual(new Set(ids));
  // Newest first.
  for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.created).toBeGreaterThanOrEqual(seen[i]!.created);

  const all = await stripe.customers.list({ email, limit: 100 }).autoPagingToArray({ limit: 1000 });
  expect(all.map((c) => c.id)).toEqual(seen.map((c) => c.id));

  // Smaller pages, to cross many page boundaries (17 pages, on another key: the list
  // endpoint has its own 25/s budget per key too).
  const small = await clients[2]!.customers.list({ email, limit: 15 }).autoPagingToArray({ limit: 1000 });
  expect(small.map((c) => c.id)).toEqual(seen.map((c) => c.id));

  // Backwards from the oldest: the SDK pages with ending_before and yields oldest first.
  const oldest = seen[seen.length - 1]!.id;
  const backwards = await clients[0]!.customers
    .list({ email, limit: 100, ending_before: oldest })
    .autoPagingToArray({ limit: 1000 });
  expect(backwards.map((c) => c.id)).toEqual(
    seen
      .slice(0, -1)
      .map((c) => c.id)
      .reverse(),
  );
});
