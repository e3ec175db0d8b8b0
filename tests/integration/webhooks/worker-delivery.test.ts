import { Logger, run, type Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '@/lib/env';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { fromPublicId } from '@/lib/api/object-id';
import { one, query } from '@/tests/helpers/fixtures';
import { startReceiver, type Receiver } from '@/tests/helpers/webhook-receiver';
import { taskList } from '@/worker/tasks';
import { listenForEvents } from '@/worker/event-listener';
import { merchantWithKey } from '../api/helpers';

/**
 * The real job path: graphile-worker running the worker's task list against
 * this file's database, woken by the events_committed notification, while
 * payments are made with the official SDK against the in-process /v1 harness.
 */
let server: ApiServer;
let runner: Runner;
let listener: { stop: () => Promise<void> };
const receivers: Receiver[] = [];

beforeAll(async () => {
  server = await startApiServer();
  runner = await run({
    connectionString: databaseUrl(),
    taskList,
    concurrency: 8,
    pollInterval: 250,
    noHandleSignals: true,
    logger: new Logger(() => (level, message) => {
      if (['error', 'warning'].includes(String(level))) console.warn(`[worker] ${message}`);
    }),
  });
  listener = listenForEvents(runner);
});
afterAll(async () => {
  await listener.stop();
  await Promise.all(receivers.map((r) => r.close()));
  await runner.stop();
  await server.close();
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhooks through the worker', () => {
  it('a payment and a refund made with the SDK arrive as their events, each exactly once, each verified', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const hook = await receiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    hook.secrets = [endpoint.secret!];

    const started = Date.now();
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });

    const recorded = await query<{ type: string }>(
      `SELECT type FROM events WHERE data->'object'->>'id' = $1 OR data->'object'->>'payment_intent' = $1 ORDER BY created_at, id`,
      [pi.id],
    );
    expect(recorded.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'charge.refunded',
      'refund.created',
    ]);
    await waitFor(() => hook.deliveries.length >= recorded.length, 15_000);
    const latencyMs = Date.now() - started;
    // Give a duplicate the chance to show up before asserting there is none.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(hook.deliveries).toHaveLength(recorded.length);
    expect(hook.deliveries.every((d) => d.event !== null)).toBe(true);
    expect(hook.deliveries.map((d) => d.event!.type).sort()).toEqual(recorded.map((e) => e.type).sort());
    expect(new Set(hook.deliveries.map((d) => d.event!.id)).size).toBe(recorded.length);
    for (const d of hook.deliveries) {
      const object = d.event!.data.object as { id: string; payment_intent?: string };
      expect(object.payment_intent ?? object.id).toBe(pi.id);
    }
    // Every delivery recorded as finished, so every event's pending_webhooks is back to 0.
    await waitFor(
      async () =>
        (await query(`SELECT 1 FROM events WHERE published_at IS NULL OR pending_webhooks <> 0`)).length ===
        0,
      5_000,
    );
    const lag = await one<{ avg: number; max: number }>(
      `SELECT avg(ms)::int AS avg, max(ms)::int AS max FROM (
         SELECT extract(epoch FROM a.created_at - e.created_at) * 1000 AS ms
         FROM webhook_delivery_attempts a JOIN events e ON e.id = a.event_id WHERE a.endpoint_id = $1) t`,
      [fromPublicId('we', endpoint.id)],
    );
    console.info(
      `[figures] payment+refund: ${recorded.length} events delivered via the worker; SDK calls to last delivery ${latencyMs} ms; event commit to attempt logged: avg ${lag.avg} ms, max ${lag.max} ms`,
    );
  });

  it('a dead endpoint does not delay deliveries to a healthy one', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const dead = await receiver();
    const healthy = await receiver();
    // The dead receiver never answers within the 10 s timeout.
    dead.reply = () => ({ status: 200, delayMs: 15_000 });
    const deadEndpoint = await stripe.webhookEndpoints.create({ url: dead.url, enabled_events: ['*'] });
    const healthyEndpoint = await stripe.webhookEndpoints.create({ url: healthy.url, enabled_events: ['*'] });
    dead.secrets = [deadEndpoint.secret!];
    healthy.secrets = [healthyEndpoint.secret!];

    const started = Date.now();
    for (let i = 0; i < 6; i++) {
      await stripe.customers.create({ email: `c${i}@example.test` });
      await stripe.paymentIntents.create({ amount: 1000 + i, currency: 'usd' });
    }
    const expected = (
      await query(
        `SELECT e.id FROM events e JOIN webhook_endpoints w ON w.merchant_id = e.merchant_id WHERE w.url = $1`,
        [healthy.url],
      )
    ).length;
    expect(expected).toBeGreaterThanOrEqual(6);
    await waitFor(() => healthy.deliveries.length >= expected, 8_000);
    const elapsed = Date.now() - started;
    // Well inside one dead attempt's 10 s timeout; the dead endpoint holds at most 2 attempts at once.
    expect(elapsed).toBeLessThan(8_000);
    expect(dead.deliveries.length).toBeLessThanOrEqual(2);
    expect(healthy.deliveries.every((d) => d.event !== null)).toBe(true);
    console.info(
      `[figures] ${expected} deliveries to a healthy endpoint beside a dead one in ${elapsed} ms; dead endpoint attempts in flight: ${dead.deliveries.length}`,
    );
  });
});

describe('throughput', () => {
  it('drains a burst of 100 events to one endpoint (at most 2 attempts in flight per endpoint)', async () => {
    const { key, actor } = await merchantWithKey();
    const stripe = server.stripe(key);
    const hook = await receiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    hook.secrets = [endpoint.secret!];
    let inFlight = 0;
    let maxInFlight = 0;
    hook.reply = () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => inFlight--, 5);
      return { status: 200, delayMs: 5 };
    };
    const { committedEvent } = await import('./helpers');
    const scope = { merchantId: actor.merchantId, livemode: false };
    const started = Date.now();
    for (let i = 0; i < 100; i++) await committedEvent(scope, 'charge.succeeded', `ch_burst_${i}`);
    const recordedMs = Date.now() - started;
    await waitFor(() => hook.eventIds().length >= 100, 60_000);
    const elapsed = Date.now() - started;
    expect(hook.deliveries.every((d) => d.event !== null)).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    console.info(
      `[figures] 100 events to one endpoint: recorded in ${recordedMs} ms, all delivered ${elapsed} ms after the first commit (${Math.round(100 / (elapsed / 1000))}/s), max ${maxInFlight} in flight, ${hook.deliveries.length - 100} duplicates`,
    );
  });
});
