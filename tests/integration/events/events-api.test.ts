import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { purgeEvents } from '@/lib/events/purge-events';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { count, insertEvent, insertMerchant, query } from '@/tests/helpers/fixtures';
import { taskList } from '@/worker/tasks';
import { merchantWithKey, newKey, rejection } from '../api/helpers';

/** GET /v1/events and /v1/events/:id through the official stripe SDK. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const DAY = 24 * 3600 * 1000;

async function allEvents(stripe: Stripe, params: Stripe.EventListParams = {}): Promise<Stripe.Event[]> {
  const out: Stripe.Event[] = [];
  for await (const e of stripe.events.list({ limit: 100, ...params })) out.push(e);
  return out;
}

describe('/v1/events', () => {
  it('lists newest first and retrieves each event in Stripe’s shape, with the request that caused it', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const customer = await stripe.customers.create(
      { email: 'grace@example.test' },
      { idempotencyKey: 'create-grace-1' },
    );
    const intent = await stripe.paymentIntents.create({
      amount: 1500,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });

    const list = await stripe.events.list();
    expect(list.object).toBe('list');
    expect(list.url).toBe('/v1/events');
    expect(list.data.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
      'customer.created',
    ]);
    const created = list.data[3]!;
    expect(created).toEqual({
      id: expect.stringMatching(/^evt_[0-9A-Za-z]{22}$/),
      object: 'event',
      api_version: expect.any(String),
      created: expect.any(Number),
      data: { object: customer },
      livemode: false,
      pending_webhooks: 0,
      request: { id: expect.stringMatching(/^req_/), idempotency_key: 'create-grace-1' },
      type: 'customer.created',
    });
    expect(await stripe.events.retrieve(created.id)).toEqual(created);
    const succeeded = list.data[0]!;
    expect(succeeded.data.object).toEqual(await stripe.paymentIntents.retrieve(intent.id));
    // The SDK sends an Idempotency-Key of its own on every POST.
    expect(succeeded.request).toEqual({
      id: expect.stringMatching(/^req_/),
      idempotency_key: expect.any(String),
    });
  });

  it('filters by type, by a family with `*`, by types[] and by created', async () => {
    const { actor, key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const customer = await stripe.customers.create({ email: 'f@example.test' });
    await stripe.customers.update(customer.id, { description: 'regular' });
    const intent = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await stripe.refunds.create({ payment_intent: intent.id, amount: 100 });

    const types = (events: Stripe.Event[]) => events.map((e) => e.type);
    expect(types(await allEvents(stripe, { type: 'customer.updated' }))).toEqual(['customer.updated']);
    expect(types(await allEvents(stripe, { type: 'payment_intent.*' }))).toEqual([
      'payment_intent.succeeded',
      'payment_intent.created',
    ]);
    expect(types(await allEvents(stripe, { types: ['customer.*', 'refund.created'] }))).toEqual([
      'refund.created',
      'customer.updated',
      'customer.created',
    ]);
    expect(await allEvents(stripe, { type: '*' })).toHaveLength(7);
    // `_` in a family is matched literally, not as LIKE's any-character.
    const lookalike = await insertEvent(actor.merchantId, { type: 'paymentxintent.created' });
    expect(types(await allEvents(stripe, { type: 'payment_intent.*' }))).toHaveLength(2);
    await query('DELETE FROM events WHERE id = $1', [lookalike]);
    expect(await rejection(stripe.events.list({ type: 'payment_intent_*' }))).toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid',
      param: 'type',
    });
    expect(await allEvents(stripe, { type: 'customer_updated' })).toEqual([]);

    const all = await allEvents(stripe);
    const oldest = all.at(-1)!.created;
    expect(await allEvents(stripe, { created: { lt: oldest } })).toEqual([]);
    expect(await allEvents(stripe, { created: { gte: oldest } })).toHaveLength(7);

    const both = await rejection(stripe.events.list({ type: 'charge.succeeded', types: ['refund.created'] }));
    expect(both).toMatchObject({ statusCode: 400, param: 'types' });
    const unknown = await rejection(stripe.events.list({ colour: 'red' } as Stripe.EventListParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' });
  });

  it('auto-pagination walks every event exactly once in both directions', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    for (let i = 0; i < 23; i++) await stripe.customers.create({ email: `p${i}@example.test` });
    const forward: string[] = [];
    for await (const e of stripe.events.list({ limit: 5 })) forward.push(e.id);
    expect(forward).toHaveLength(23);
    expect(new Set(forward).size).toBe(23);
    const backward: string[] = [];
    for await (const e of stripe.events.list({ limit: 4, ending_before: forward.at(-1)! }))
      backward.push(e.id);
    expect(backward).toHaveLength(22);
    expect(new Set(backward)).toEqual(new Set(forward.slice(0, -1)));
  });

  it('another merchant’s or mode’s event is “No such event”, and cannot be a cursor', async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const stripeA = server.stripe(a.key);
    const stripeB = server.stripe(b.key);
    await stripeA.customers.create({ email: 'a@example.test' });
    const [event] = (await stripeA.events.list()).data;
    const err = await rejection(stripeB.events.retrieve(event!.id));
    expect(err).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: `No such event: '${event!.id}'`,
    });
    expect((await stripeB.events.list()).data).toEqual([]);
    const cursor = await rejection(stripeB.events.list({ starting_after: event!.id }));
    expect(cursor).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'starting_after' });
    const live = server.stripe(await newKey(a.actor, { environment: 'live' }));
    expect(await rejection(live.events.retrieve(event!.id))).toMatchObject({ statusCode: 404 });
    expect(await rejection(stripeA.events.retrieve('evt_nope'))).toMatchObject({ statusCode: 404 });
  });

  it('restricted keys need events:read', async () => {
    const { actor, key } = await merchantWithKey();
    await server.stripe(key).customers.create({ email: 'r@example.test' });
    const reader = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { events: 'read' } }),
    );
    expect((await reader.events.list()).data).toHaveLength(1);
    const none = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { customers: 'write' } }),
    );
    expect(await rejection(none.events.list())).toMatchObject({
      statusCode: 403,
      type: 'StripePermissionError',
    });
  });

  it('delivery_success tells delivered events from those still pending somewhere', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    await stripe.customers.create({ email: 'd1@example.test' });
    await stripe.customers.create({ email: 'd2@example.test' });
    const [pending, delivered] = (await stripe.events.list()).data;
    await query('UPDATE events SET pending_webhooks = 2 WHERE id = $1', [fromPublicId('evt', pending!.id)]);
    expect((await stripe.events.list({ delivery_success: false })).data.map((e) => e.id)).toEqual([
      pending!.id,
    ]);
    expect((await stripe.events.list({ delivery_success: true })).data.map((e) => e.id)).toEqual([
      delivered!.id,
    ]);
    expect((await stripe.events.retrieve(pending!.id)).pending_webhooks).toBe(2);
  });
});

describe('event retention', () => {
  const NOW = new Date('2026-11-20T12:00:00.000Z');

  it('deletes events past the retention once no delivery needs them, in batches, and keeps the rest', async () => {
    const m = await insertMerchant();
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    const published = { published_at: at(40) };
    for (let i = 0; i < 5; i++) await insertEvent(m, { created_at: at(31 + i), ...published });
    const kept = [
      await insertEvent(m, { created_at: at(29), ...published }),
      // Old, but a webhook endpoint has not received it yet.
      await insertEvent(m, { created_at: at(45), pending_webhooks: 1, ...published }),
      // Old, but the relay has not published it yet.
      await insertEvent(m, { created_at: at(45) }),
    ];
    expect(await purgeEvents({ now: NOW, retentionDays: 30, batchSize: 2 })).toBe(5);
    const left = await query<{ id: string }>('SELECT id FROM events WHERE merchant_id = $1', [m]);
    expect(new Set(left.map((r) => r.id))).toEqual(new Set(kept));
    expect(await purgeEvents({ now: NOW, retentionDays: 30, batchSize: 2 })).toBe(0);
  });

  it('never keeps fewer than 30 days, whatever it is asked', async () => {
    const m = await insertMerchant();
    await insertEvent(m, { created_at: new Date(NOW.getTime() - 20 * DAY), published_at: NOW });
    expect(await purgeEvents({ now: NOW, retentionDays: 7 })).toBe(0);
    expect(await count('events', 'merchant_id = $1', [m])).toBe(1);
  });

  it('the worker job is registered and sweeps', async () => {
    const m = await insertMerchant();
    const id = await insertEvent(m, {
      created_at: new Date(Date.now() - 400 * DAY),
      published_at: new Date(),
    });
    const logger = {
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    };
    await taskList.purge_events!({}, { logger } as never);
    expect(await count('events', 'id = $1', [id])).toBe(0);
  });
});
