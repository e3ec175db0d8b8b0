import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { createCustomer } from '@/lib/customers/create-customer';
import { db } from '@/lib/db/client';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { insertCustomer, one, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, merchantWithKey, newKey, rejection } from './helpers';

/**
 * /v1/customers through the official stripe SDK, against this file's own
 * PostgreSQL database and Redis prefix.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

describe('customers CRUD with the stripe SDK', () => {
  it('creates, retrieves, updates, lists and deletes with Stripe semantics', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const created = await stripe.customers.create({
      email: 'ada@example.test',
      name: 'Ada Lovelace',
      phone: '+44 20 7946 0000',
      description: 'First customer',
      metadata: { order: '42', tier: 'gold' },
      address: { line1: '12 St James Sq', city: 'London', postal_code: 'SW1Y 4JH', country: 'gb' },
      shipping: { name: 'Ada L.', address: { line1: 'Dock 4', city: 'Bristol', country: 'GB' } },
    });
    expect(created).toMatchObject({
      object: 'customer',
      email: 'ada@example.test',
      name: 'Ada Lovelace',
      phone: '+44 20 7946 0000',
      description: 'First customer',
      livemode: false,
      metadata: { order: '42', tier: 'gold' },
      address: {
        line1: '12 St James Sq',
        line2: null,
        city: 'London',
        postal_code: 'SW1Y 4JH',
        country: 'GB',
        state: null,
      },
      shipping: { name: 'Ada L.', phone: null, address: { line1: 'Dock 4', city: 'Bristol', country: 'GB' } },
    });
    expect(created.id).toMatch(/^cus_[0-9A-Za-z]{22}$/);
    expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(60);
    expect(created.lastResponse.requestId).toMatch(/^req_/);

    expect(await stripe.customers.retrieve(created.id)).toMatchObject({
      id: created.id,
      name: 'Ada Lovelace',
    });

    const updated = await stripe.customers.update(created.id, {
      name: 'Ada King',
      description: '',
      metadata: { tier: '', note: 'vip' },
    });
    expect(updated).toMatchObject({
      name: 'Ada King',
      description: null,
      phone: '+44 20 7946 0000',
      metadata: { order: '42', note: 'vip' },
      address: { city: 'London' },
    });
    expect(updated.metadata).not.toHaveProperty('tier');
    expect((await stripe.customers.update(created.id, { metadata: '' as never })).metadata).toEqual({});

    const listed = await stripe.customers.list({ email: 'ada@example.test' });
    expect(listed).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
    expect(listed.data.map((c) => c.id)).toEqual([created.id]);

    expect(await stripe.customers.del(created.id)).toEqual(
      expect.objectContaining({ id: created.id, object: 'customer', deleted: true }),
    );
    expect(await stripe.customers.retrieve(created.id)).toEqual(
      expect.objectContaining({ id: created.id, deleted: true }),
    );
    expect((await stripe.customers.list({ email: 'ada@example.test' })).data).toEqual([]);
    const err = await rejection(stripe.customers.update(created.id, { name: 'x' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: `No such customer: '${created.id}'`,
    });
    expect((await rejection(stripe.customers.del(created.id))).statusCode).toBe(404);
  });

  it('stores name, phone and addresses only inside encrypted_pii; deleting drops them', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const c = await stripe.customers.create({
      name: 'Grace Hopper',
      phone: '+1 555 0100',
      address: { line1: '1 Navy Way' },
    });
    const row = await one('SELECT phone, encrypted_pii, encryption_key_id FROM customers WHERE id = $1', [
      fromPublicId('cus', c.id),
    ]);
    expect(row.phone).toBeNull();
    expect(row.encryption_key_id).toBeTruthy();
    const bytes = (row.encrypted_pii as Buffer).toString('latin1');
    for (const clear of ['Grace', 'Hopper', '555', 'Navy']) expect(bytes).not.toContain(clear);

    await stripe.customers.del(c.id);
    const gone = await one('SELECT encrypted_pii, is_active, deleted_at FROM customers WHERE id = $1', [
      fromPublicId('cus', c.id),
    ]);
    expect(gone).toMatchObject({ encrypted_pii: null, is_active: false });
    expect(gone.deleted_at).toBeTruthy();
  });

  it('a customer loaded by the seed keeps its plain phone until its first update seals it', async () => {
    const actor = await actorForNewMerchant();
    const stripe = server.stripe(await newKey(actor));
    const id = await insertCustomer(actor.merchantId, { phone: '+33 1 23', email: 'seeded@example.test' });
    const publicId = (await stripe.customers.list({ email: 'seeded@example.test' })).data[0]!.id;
    expect(fromPublicId('cus', publicId)).toBe(id);
    expect((await stripe.customers.retrieve(publicId)) as Stripe.Customer).toMatchObject({
      phone: '+33 1 23',
    });
    expect(await stripe.customers.update(publicId, { name: 'Seeded' })).toMatchObject({
      phone: '+33 1 23',
      name: 'Seeded',
    });
    expect((await one('SELECT phone FROM customers WHERE id = $1', [id])).phone).toBeNull();
  });

  it('accepts JSON bodies the same as form bodies', async () => {
    const { key } = await merchantWithKey();
    const res = await fetch(`${server.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'json@example.test',
        metadata: { n: 1, ok: true },
        address: { city: 'Oslo' },
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      email: 'json@example.test',
      metadata: { n: '1', ok: 'true' },
      address: { city: 'Oslo' },
    });
  });
});

describe('invalid parameters', () => {
  it('names the parameter and leaves nothing written', async () => {
    const actor = await actorForNewMerchant();
    const stripe = server.stripe(await newKey(actor));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'not-an-email' }, 'email', 'parameter_invalid'],
      [{ balance: 100 }, 'balance', 'parameter_unknown'],
      [{ address: { line1: 'x', planet: 'Mars' } }, 'address[planet]', 'parameter_unknown'],
      [{ shipping: { address: { line1: 'x' } } }, 'shipping[name]', 'parameter_missing'],
      [{ metadata: { ['k'.repeat(41)]: 'v' } }, `metadata[${'k'.repeat(41)}]`, 'parameter_invalid'],
      [{ expand: ['default_source'] }, 'expand[0]', 'parameter_invalid'],
      [{ address: { country: 'France' } }, 'address[country]', 'parameter_invalid'],
    ];
    for (const [params, param, code] of cases) {
      const err = await rejection(stripe.customers.create(params));
      expect(err, param).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(err, param).toMatchObject({ statusCode: 400, param, code });
    }
    expect(
      Number((await one('SELECT count(*) FROM customers WHERE merchant_id = $1', [actor.merchantId])).count),
    ).toBe(0);
  });

  it('a malformed or foreign customer id is "No such customer"', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    for (const id of ['cus_nope', 'pi_3MtwBwLkdIwHu7ix28a3tqPa', `cus_${'0'.repeat(22)}`]) {
      expect(await rejection(stripe.customers.retrieve(id))).toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
        param: 'id',
      });
    }
  });
});

describe('lists', () => {
  it('auto-pagination walks 250 customers exactly once, newest first, in both directions', async () => {
    const actor = await actorForNewMerchant();
    const scope = { merchantId: actor.merchantId, livemode: false };
    // Created directly (the API's test-mode rate limit is 25/s); half share one timestamp,
    // so page cuts must order by (created_at, id), not created_at alone.
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 250; i++) await createCustomer(tx, scope, { email: `c${i}@example.test` });
    });
    await query(
      `UPDATE customers SET created_at = '2026-06-01T00:00:00.123456Z'
       WHERE merchant_id = $1 AND id IN (SELECT id FROM customers WHERE merchant_id = $1 ORDER BY id LIMIT 125)`,
      [actor.merchantId],
    );
    // Each walk uses its own key: the test-mode limit is 25 requests/s per key and endpoint.
    const client = async () => server.stripe(await newKey(actor));
    const stripe = await client();
    const seen: string[] = [];
    for await (const c of stripe.customers.list({ limit: 100 })) seen.push(c.id);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    const all = await (await client()).customers.list({ limit: 20 }).autoPagingToArray({ limit: 1000 });
    expect(all.map((c) => c.id)).toEqual(seen);
    const created = all.map((c) => c.created);
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    // ending_before walks towards newer objects, as the SDK does for it.
    const backwards: string[] = [];
    for await (const c of (await client()).customers.list({ limit: 30, ending_before: seen[249] }))
      backwards.push(c.id);
    expect(backwards).toHaveLength(249);
    expect(new Set(backwards)).toEqual(new Set(seen.slice(0, 249)));

    const page = await stripe.customers.list({ limit: 3, starting_after: seen[2] });
    expect(page.data.map((c) => c.id)).toEqual(seen.slice(3, 6));
    expect(page.has_more).toBe(true);
    const before = await stripe.customers.list({ limit: 3, ending_before: seen[5] });
    expect(before.data.map((c) => c.id)).toEqual(seen.slice(2, 5));
  });

  it('filters by created range and refuses conflicting or foreign cursors', async () => {
    const actor = await actorForNewMerchant();
    const ids = await Promise.all(
      ['2026-01-01', '2026-02-01', '2026-03-01'].map((d) =>
        insertCustomer(actor.merchantId, { created_at: `${d}T12:00:00Z` }),
      ),
    );
    const stripe = server.stripe(await newKey(actor));
    const ts = (d: string) => Date.parse(`${d}T12:00:00Z`) / 1000;
    const inRange = await stripe.customers.list({ created: { gte: ts('2026-02-01'), lt: ts('2026-03-01') } });
    expect(inRange.data.map((c) => fromPublicId('cus', c.id))).toEqual([ids[1]]);
    expect((await stripe.customers.list({ created: ts('2026-01-01') })).data).toHaveLength(1);
    expect((await stripe.customers.list({ created: { gt: ts('2026-01-01') } })).data).toHaveLength(2);

    const first = (await stripe.customers.list({ limit: 1 })).data[0]!.id;
    expect(
      await rejection(stripe.customers.list({ starting_after: first, ending_before: first })),
    ).toMatchObject({
      statusCode: 400,
      param: 'ending_before',
    });
    const other = await merchantWithKey();
    const foreign = await server.stripe(other.key).customers.create({ email: 'b@example.test' });
    expect(await rejection(stripe.customers.list({ starting_after: foreign.id }))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'starting_after',
    });
    expect(await rejection(stripe.customers.list({ limit: 101 }))).toMatchObject({
      statusCode: 400,
      param: 'limit',
    });
  });
});

describe('keys decide merchant, mode and permissions', () => {
  it("merchant B's key gets 404 for merchant A's customer, and A's customer is unchanged", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const stripeA = server.stripe(a.key);
    const stripeB = server.stripe(b.key);
    const mine = await stripeA.customers.create({ email: 'a@example.test', name: 'Alice' });
    for (const attempt of [
      () => stripeB.customers.retrieve(mine.id),
      () => stripeB.customers.update(mine.id, { name: 'Mallory' }),
      () => stripeB.customers.del(mine.id),
    ]) {
      const err = await rejection(attempt());
      expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    }
    expect((await stripeB.customers.list()).data).toEqual([]);
    expect(await stripeA.customers.retrieve(mine.id)).toMatchObject({
      name: 'Alice',
      email: 'a@example.test',
    });
  });

  it('a test key never sees live objects, and a live key never sees test objects', async () => {
    const actor = await actorForNewMerchant();
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const test = server.stripe(await newKey(actor, { environment: 'test' }));
    const liveCustomer = await live.customers.create({ email: 'live@example.test' });
    const testCustomer = await test.customers.create({ email: 'test@example.test' });
    expect(liveCustomer.livemode).toBe(true);
    expect(testCustomer.livemode).toBe(false);
    expect((await rejection(test.customers.retrieve(liveCustomer.id))).statusCode).toBe(404);
    expect((await rejection(live.customers.retrieve(testCustomer.id))).statusCode).toBe(404);
    expect((await test.customers.list()).data.map((c) => c.id)).toEqual([testCustomer.id]);
    expect((await live.customers.list()).data.map((c) => c.id)).toEqual([liveCustomer.id]);
  });

  it('a restricted key with customers:read can read but not write; publishable keys are refused', async () => {
    const actor = await actorForNewMerchant();
    const full = server.stripe(await newKey(actor));
    const existing = await full.customers.create({ email: 'r@example.test' });
    const reader = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { customers: 'read' } }),
    );
    expect((await reader.customers.retrieve(existing.id)).id).toBe(existing.id);
    expect((await reader.customers.list()).data).toHaveLength(1);
    for (const attempt of [
      () => reader.customers.create({ email: 'x@example.test' }),
      () => reader.customers.update(existing.id, { name: 'x' }),
      () => reader.customers.del(existing.id),
    ]) {
      const err = await rejection(attempt());
      expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
      expect(err.message).toContain("'customers:write'");
    }
    const none = server.stripe(await newKey(actor, { type: 'restricted', permissions: { refunds: 'read' } }));
    expect(await rejection(none.customers.list())).toBeInstanceOf(Stripe.errors.StripePermissionError);
    const writer = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { customers: 'write' } }),
    );
    expect((await writer.customers.create({ email: 'w@example.test' })).object).toBe('customer');
    const publishable = server.stripe(await newKey(actor, { type: 'publishable' }));
    expect(await rejection(publishable.customers.list())).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(
      Number((await one('SELECT count(*) FROM customers WHERE merchant_id = $1', [actor.merchantId])).count),
    ).toBe(2);
  });
});
