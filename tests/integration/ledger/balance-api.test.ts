import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import { db } from '@/lib/db/client';
import type { Scope } from '@/lib/ledger/accounts';
import { getBalance } from '@/lib/ledger/get-balance';
import { postCharge } from '@/lib/ledger/post-charge';
import { postRefund } from '@/lib/ledger/post-refund';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey, newKey, rejection } from '../api/helpers';

/** /v1/balance and /v1/balance_transactions through the official stripe SDK. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function seedEntries(scope: Scope) {
  const paymentA = randomUUID();
  const paymentB = randomUUID();
  const refundId = randomUUID();
  const past = new Date(Date.now() - 60_000);
  await db().$transaction((tx) =>
    postCharge(tx, scope, {
      paymentId: paymentA,
      currency: 'USD',
      amount: 10_000,
      fee: 320,
      availableOn: past,
    }),
  );
  await db().$transaction((tx) =>
    postCharge(tx, scope, {
      paymentId: paymentB,
      currency: 'EUR',
      amount: 2_000,
      fee: 88,
      description: 'Order 42',
    }),
  );
  await db().$transaction((tx) =>
    postRefund(tx, scope, { refundId, paymentId: paymentA, currency: 'USD', amount: 2_500 }),
  );
  return { paymentA, paymentB, refundId };
}

describe('/v1/balance', () => {
  it('answers Stripe balance object per currency, for the key mode only', async () => {
    const { actor, key } = await merchantWithKey();
    const scope = { merchantId: actor.merchantId, livemode: false };
    const stripe = server.stripe(key);
    const empty = await stripe.balance.retrieve();
    expect(empty).toMatchObject({
      object: 'balance',
      livemode: false,
      available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
      pending: [{ amount: 0, currency: 'usd' }],
    });
    await seedEntries(scope);
    const balance = await stripe.balance.retrieve();
    expect(balance.available).toEqual([
      { amount: 0, currency: 'eur', source_types: { card: 0 } },
      { amount: 7180, currency: 'usd', source_types: { card: 7180 } },
    ]);
    expect(balance.pending).toEqual([
      { amount: 1912, currency: 'eur', source_types: { card: 1912 } },
      { amount: 0, currency: 'usd', source_types: { card: 0 } },
    ]);
    // Live mode of the same merchant has none of it.
    expect((await getBalance(db(), { ...scope, livemode: true })).pending).toEqual([
      { amount: 0, currency: 'usd', source_types: { card: 0 } },
    ]);
  });

  it('needs balance:read on a restricted key', async () => {
    const { actor } = await merchantWithKey();
    const denied = await newKey(actor, { type: 'restricted', permissions: { customers: 'write' } });
    expect((await rejection(server.stripe(denied).balance.retrieve())).statusCode).toBe(403);
    const allowed = await newKey(actor, { type: 'restricted', permissions: { balance: 'read' } });
    await expect(server.stripe(allowed).balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
  });
});

describe('/v1/balance_transactions', () => {
  it('lists newest first in Stripe shape, filters by type, source, currency and created, and pages', async () => {
    const { actor, key } = await merchantWithKey();
    const scope = { merchantId: actor.merchantId, livemode: false };
    const { paymentA, paymentB, refundId } = await seedEntries(scope);
    const stripe = server.stripe(key);

    const all = await stripe.balanceTransactions.list();
    expect(all.data.map((t) => t.type)).toEqual(['refund', 'charge', 'charge']);
    const [refund, eurCharge, usdCharge] = all.data;
    expect(usdCharge).toMatchObject({
      object: 'balance_transaction',
      amount: 10_000,
      fee: 320,
      net: 9_680,
      currency: 'usd',
      status: 'available',
      type: 'charge',
      reporting_category: 'charge',
      source: toPublicId('pi', paymentA),
      fee_details: [{ amount: 320, currency: 'usd', type: 'stripe_fee', application: null }],
      exchange_rate: null,
    });
    expect(usdCharge!.id).toMatch(/^txn_[0-9A-Za-z]{22}$/);
    expect(eurCharge).toMatchObject({ status: 'pending', description: 'Order 42', net: 1_912 });
    expect(eurCharge!.available_on - eurCharge!.created).toBeGreaterThanOrEqual(2 * 86_400 - 1);
    expect(refund).toMatchObject({
      amount: -2_500,
      fee: 0,
      net: -2_500,
      fee_details: [],
      source: toPublicId('re', refundId),
      reporting_category: 'refund',
    });

    expect((await stripe.balanceTransactions.list({ type: 'charge' })).data).toHaveLength(2);
    expect((await stripe.balanceTransactions.list({ source: toPublicId('pi', paymentB) })).data).toEqual([
      eurCharge,
    ]);
    expect((await stripe.balanceTransactions.list({ source: 'ch_nope' })).data).toEqual([]);
    expect((await stripe.balanceTransactions.list({ currency: 'eur' })).data.map((t) => t.id)).toEqual([
      eurCharge!.id,
    ]);
    expect((await stripe.balanceTransactions.list({ created: { gt: refund!.created + 10 } })).data).toEqual(
      [],
    );

    const first = await stripe.balanceTransactions.list({ limit: 2 });
    expect(first.has_more).toBe(true);
    const second = await stripe.balanceTransactions.list({ limit: 2, starting_after: first.data[1]!.id });
    expect(second.data.map((t) => t.id)).toEqual([usdCharge!.id]);
    const walked: string[] = [];
    for await (const t of stripe.balanceTransactions.list({ limit: 1 })) walked.push(t.id);
    expect(walked).toEqual(all.data.map((t) => t.id));

    expect(await stripe.balanceTransactions.retrieve(usdCharge!.id)).toEqual(usdCharge);
    expect(fromPublicId('txn', usdCharge!.id)).toBeTruthy();
  });

  it('another merchant, a malformed id and an unknown one are all "No such balance transaction"', async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    await seedEntries({ merchantId: a.actor.merchantId, livemode: false });
    const [txn] = (await server.stripe(a.key).balanceTransactions.list({ limit: 1 })).data;
    for (const id of [txn!.id, 'txn_bogus', toPublicId('txn', randomUUID())]) {
      const err = await rejection(server.stripe(b.key).balanceTransactions.retrieve(id));
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe('resource_missing');
      expect(err.message).toBe(`No such balance transaction: '${id}'`);
    }
    expect((await server.stripe(b.key).balanceTransactions.list()).data).toEqual([]);
    const cursor = await rejection(
      server.stripe(b.key).balanceTransactions.list({ starting_after: txn!.id }),
    );
    expect(cursor.code).toBe('resource_missing');
  });

  it('refuses parameters Stripe has and we do not implement, and bad values', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    expect((await rejection(stripe.balanceTransactions.list({ payout: 'po_123' }))).code).toBe(
      'parameter_unknown',
    );
    const bad = await rejection(stripe.balanceTransactions.list({ type: 'payout' }));
    expect(bad).toMatchObject({ code: 'parameter_invalid', param: 'type' });
  });
});
