import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { uniqueEmail } from './helpers/auth';
import {
  createKeyInDashboard,
  keyName,
  DEMO_KEYS,
  openNewMerchantKeysPage,
  stripeError,
  stripeFor,
  switchMode,
} from './helpers/api';

/**
 * Who sees which customer: a restricted read-only key reads but never writes;
 * test keys and live keys of one merchant never see each other's objects; and
 * another merchant's key gets "No such customer" (404, never 403) for every
 * call on a customer id that is not its own, which stays unchanged.
 *
 * Merchant A is a new, verified business (so it has live mode) with keys made
 * in the dashboard; merchant B is the demo merchant with its seeded test key.
 */
const keys = { test: '', readOnly: '', live: '' };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  try {
    await openNewMerchantKeysPage(page, 'Tenancy Traders');
    keys.test = await createKeyInDashboard(page, { name: keyName('Tenancy: test') });
    keys.readOnly = await createKeyInDashboard(page, {
      name: keyName('Tenancy: read only'),
      type: 'restricted',
      permissions: { customers: 'read' },
    });
    await switchMode(page, 'live');
    keys.live = await createKeyInDashboard(page, { name: keyName('Tenancy: live') });
  } finally {
    await page.close();
  }
  expect(keys.test).toMatch(/^sk_test_/);
  expect(keys.readOnly).toMatch(/^rk_test_/);
  expect(keys.live).toMatch(/^sk_live_/);
});

/** Every call on `id` fails as "No such customer" (the same answer as for an id that never existed). */
async function expectNotFound(stripe: Stripe, id: string): Promise<void> {
  const calls = [
    () => stripe.customers.retrieve(id),
    () => stripe.customers.update(id, { name: 'Intruder', metadata: { hacked: 'yes' } }),
    () => stripe.customers.del(id),
  ];
  for (const call of calls) {
    const err = await stripeError(call());
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    expect(err.message).toBe(`No such customer: '${id}'`);
  }
}

test('a restricted key with customers:read lists and retrieves but cannot write', async () => {
  const owner = stripeFor(keys.test);
  const readOnly = stripeFor(keys.readOnly);
  const email = uniqueEmail('restricted');
  const customer = await owner.customers.create({ email, name: 'Rita Reader', metadata: { plan: 'basic' } });

  expect(await readOnly.customers.retrieve(customer.id)).toEqual(customer);
  expect((await readOnly.customers.list({ email })).data).toEqual([customer]);

  const writes = [
    () => readOnly.customers.create({ email: uniqueEmail('restricted-new') }),
    () => readOnly.customers.update(customer.id, { name: 'Changed', metadata: { plan: '' } }),
    () => readOnly.customers.del(customer.id),
  ];
  for (const call of writes) {
    const err = await stripeError(call());
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(err.statusCode).toBe(403);
    expect(err.message).toContain("'customers:write'");
  }

  expect(await owner.customers.retrieve(customer.id)).toEqual(customer);
  expect((await owner.customers.list({ email })).data).toEqual([customer]);
});

test('test keys never see live customers, and live keys never see test customers', async () => {
  const testMode = stripeFor(keys.test);
  const liveMode = stripeFor(keys.live);
  const email = uniqueEmail('modes');

  const live = await liveMode.customers.create({ email, name: 'Live Larry' });
  expect(live.livemode).toBe(true);
  const testCustomer = await testMode.customers.create({ email, name: 'Test Tina' });
  expect(testCustomer.livemode).toBe(false);

  await expectNotFound(testMode, live.id);
  await expectNotFound(liveMode, testCustomer.id);

  expect((await testMode.customers.list({ email })).data.map((c) => c.id)).toEqual([testCustomer.id]);
  expect((await liveMode.customers.list({ email })).data.map((c) => c.id)).toEqual([live.id]);
  // Nor can the other mode's id serve as a cursor.
  const cursor = await stripeError(testMode.customers.list({ starting_after: live.id }));
  expect(cursor).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'starting_after' });

  expect(await liveMode.customers.retrieve(live.id)).toEqual(live);
  expect(await testMode.customers.retrieve(testCustomer.id)).toEqual(testCustomer);
});

test('another merchant gets 404 for every call on a customer id, which stays unchanged', async () => {
  const merchantA = stripeFor(keys.test);
  const merchantB = stripeFor(DEMO_KEYS.secret);
  const email = uniqueEmail('tenant-a');
  const customer = await merchantA.customers.create({
    email,
    name: 'Alice of A',
    phone: '+14155550123',
    address: { line1: '1 Tenant Way', city: 'Oakland', country: 'US' },
    metadata: { owner: 'A' },
  });

  await expectNotFound(merchantB, customer.id);
  // The same answer as for an id that exists nowhere.
  await expectNotFound(merchantB, 'cus_0000000000000000000000');

  expect((await merchantB.customers.list({ email })).data).toEqual([]);
  const cursor = await stripeError(merchantB.customers.list({ ending_before: customer.id }));
  expect(cursor).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'ending_before' });

  expect(await merchantA.customers.retrieve(customer.id)).toEqual(customer);
  expect((await merchantA.customers.list({ email })).data).toEqual([customer]);
});
