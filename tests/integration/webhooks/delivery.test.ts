import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { advanceClockForTests, clock, resetClockForTests } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { listDeliveryAttempts } from '@/lib/webhooks/list-delivery-attempts';
import { listEndpointsNeedingAttention } from '@/lib/webhooks/list-endpoints-needing-attention';
import { requeueOverdueDeliveries } from '@/lib/webhooks/requeue-overdue-deliveries';
import { resendEvent } from '@/lib/webhooks/resend-event';
import { RETRY_OFFSETS_MS, JITTER_SHARE } from '@/lib/webhooks/retry-schedule';
import { rollWebhookSecret } from '@/lib/webhooks/roll-webhook-secret';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { updateWebhookEndpoint } from '@/lib/webhooks/update-webhook-endpoint';
import { setHostResolverForTests } from '@/lib/webhooks/url-policy';
import { insertMember, insertMerchant, insertUser, one, query } from '@/tests/helpers/fixtures';
import { startReceiver, verify, type Receiver } from '@/tests/helpers/webhook-receiver';
import { committedEvent, deliveryRows, endpointFor, installGraphileWorker, runDue } from './helpers';

/**
 * Delivery, driven in-process at the controllable clock's time (the worker's
 * tasks call the same functions): signatures the SDK accepts, the retry
 * schedule, 410, 3 days of failures, enabled_events, secret rolls, resends,
 * test events, rolled-back transactions, and the sweep.
 */
let receiver: Receiver;
beforeAll(async () => {
  await installGraphileWorker();
});
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  resetClockForTests();
  setHostResolverForTests(null);
  await receiver.close();
});
afterAll(() => resetClockForTests());

async function merchant(livemode = false) {
  const merchantId = await insertMerchant({
    status: 'active',
    verification_status: 'verified',
    business_name: 'Acme Tea',
  });
  return { merchantId, livemode };
}

const uuid = (we: string) => fromPublicId('we', we)!;

describe('delivering to a healthy endpoint', () => {
  it('POSTs each event once, signed so that stripe.webhooks.constructEvent accepts it, and logs the attempt', async () => {
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    const ids = [
      await committedEvent(scope, 'payment_intent.created'),
      await committedEvent(scope, 'payment_intent.succeeded'),
    ];
    await runDue();
    await runDue();
    expect(receiver.deliveries).toHaveLength(2);
    expect(receiver.deliveries.map((d) => d.event?.id).sort()).toEqual([...ids].sort());
    const first = receiver.deliveries[0]!;
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['user-agent']).toMatch(/Webhooks/);
    expect(first.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(first.event).toMatchObject({ object: 'event', livemode: false, api_version: expect.any(String) });

    const events = await query<{ pending_webhooks: number; published_at: Date | null }>(
      'SELECT pending_webhooks, published_at FROM events WHERE merchant_id = $1',
      [scope.merchantId],
    );
    expect(events.every((e) => e.pending_webhooks === 0 && e.published_at !== null)).toBe(true);
    expect((await deliveryRows(uuid(endpoint.id))).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);

    const log = await listDeliveryAttempts(db(), scope, { endpointId: endpoint.id, limit: 10 });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      endpointId: endpoint.id,
      url: receiver.url,
      attempt: 1,
      status: 'succeeded',
      responseStatus: 200,
      responseBody: '{"received":true}',
      error: null,
    });
    expect(log[0]!.requestHeaders['Stripe-Signature']).toMatch(/^t=/);
    expect(JSON.parse(log[0]!.requestBody).id).toBe(log[0]!.eventId);
    const byEvent = await listDeliveryAttempts(db(), scope, { eventId: ids[0]!, limit: 10 });
    expect(byEvent.map((r) => r.eventId)).toEqual([ids[0]]);
    expect(
      await listDeliveryAttempts(
        db(),
        { ...scope, merchantId: (await merchant()).merchantId },
        { limit: 10 },
      ),
    ).toEqual([]);
  });

  it('sends only the enabled_events, only to enabled endpoints of the same merchant and mode', async () => {
    const scope = await merchant();
    const other = await merchant();
    const all = await endpointFor(scope, { url: `${receiver.url}?all`, enabled_events: ['*'] });
    const charges = await endpointFor(scope, {
      url: `${receiver.url}?charges`,
      enabled_events: ['charge.succeeded'],
    });
    const off = await endpointFor(scope, { url: `${receiver.url}?off`, enabled_events: ['*'] });
    await db().$transaction((tx) => updateWebhookEndpoint(tx, scope, off.id, { disabled: true }));
    await endpointFor(other, { url: `${receiver.url}?other`, enabled_events: ['*'] });
    receiver.secrets = [all.secret, charges.secret];
    await committedEvent(scope, 'payment_intent.created');
    await committedEvent(scope, 'charge.succeeded');
    await committedEvent({ ...scope, livemode: true }, 'charge.succeeded');
    await runDue();
    const got = receiver.deliveries.map(
      (d) => `${d.verifiedWith[0] === all.secret ? 'all' : 'charges'}:${d.event?.type}`,
    );
    expect(got.sort()).toEqual([
      'all:charge.succeeded',
      'all:payment_intent.created',
      'charges:charge.succeeded',
    ]);
    expect(receiver.deliveries.every((d) => d.event !== null)).toBe(true);
  });

  it('never delivers the event of a rolled-back transaction', async () => {
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    await expect(
      db().$transaction(async (tx) => {
        await recordEvent(tx, scope, {
          type: 'charge.succeeded',
          object: { id: 'ch_rolled_back', object: 'charge' },
        });
        throw new Error('the state change failed after its event was written');
      }),
    ).rejects.toThrow('state change failed');
    await committedEvent(scope, 'charge.succeeded', 'ch_committed');
    await runDue();
    expect(receiver.deliveries.map((d) => (d.event?.data.object as { id: string }).id)).toEqual([
      'ch_committed',
    ]);
    expect(
      await one("SELECT count(*)::int AS n FROM events WHERE data->'object'->>'id' = $1", ['ch_rolled_back']),
    ).toEqual({ n: 0 });
  });
});

describe('when the receiver fails', () => {
  it('retries on the schedule with jitter, each attempt freshly signed with the same event id, then stops after a success', async () => {
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    let down = true;
    receiver.reply = () => (down ? { status: 503, body: 'maintenance' } : { status: 204 });
    const eventId = await committedEvent(scope, 'payment_intent.succeeded');
    await runDue();
    const [delivery] = await deliveryRows(uuid(endpoint.id));
    const start = delivery!.created_at.getTime();
    expect(receiver.deliveries).toHaveLength(1);

    // Attempts 2..5 at 1 m, 5 m, 30 m, 2 h after the first (+ up to 10% of the gap).
    for (let n = 1; n <= 4; n++) {
      const [row] = await deliveryRows(uuid(endpoint.id));
      const offset = RETRY_OFFSETS_MS[n - 1]!;
      const gap = offset - (n >= 2 ? RETRY_OFFSETS_MS[n - 2]! : 0);
      expect(row).toMatchObject({ status: 'pending', attempt_count: n });
      const due = row!.next_attempt_at!.getTime() - start;
      expect(due).toBeGreaterThanOrEqual(offset);
      expect(due).toBeLessThanOrEqual(offset + gap * JITTER_SHARE + 1);
      // Not a moment before it is due.
      advanceClockForTests(row!.next_attempt_at!.getTime() - clock.nowMs() - 1_000);
      await runDue();
      expect(receiver.deliveries).toHaveLength(n);
      advanceClockForTests(1_000);
      if (n === 4) down = false;
      await runDue();
      expect(receiver.deliveries).toHaveLength(n + 1);
    }
    const [done] = await deliveryRows(uuid(endpoint.id));
    expect(done).toMatchObject({ status: 'succeeded', attempt_count: 5, next_attempt_at: null });
    expect(receiver.deliveries.every((d) => d.event?.id === eventId)).toBe(true);
    const timestamps = receiver.deliveries.map((d) => /t=(\d+)/.exec(d.signature)![1]);
    expect(new Set(timestamps).size).toBe(5);
    expect(
      await one('SELECT failing_since FROM webhook_endpoints WHERE id = $1', [uuid(endpoint.id)]),
    ).toEqual({ failing_since: null });
    expect(
      await one('SELECT pending_webhooks FROM events WHERE id = $1', [fromPublicId('evt', eventId)]),
    ).toEqual({ pending_webhooks: 0 });

    // Then nothing more, however long we wait.
    advanceClockForTests(4 * 24 * 3600_000);
    await runDue();
    expect(receiver.deliveries).toHaveLength(5);
    const log = await listDeliveryAttempts(db(), scope, { eventId, limit: 20 });
    expect(log.map((r) => [r.attempt, r.responseStatus])).toEqual([
      [5, 204],
      [4, 503],
      [3, 503],
      [2, 503],
      [1, 503],
    ]);
    expect(log[1]!.responseBody).toBe('maintenance');
  });

  it('410 Gone disables the endpoint at once and tells the owners', async () => {
    const scope = await merchant();
    const owner = await insertUser({ email: `owner-${scope.merchantId.slice(0, 8)}@example.test` });
    await insertMember(scope.merchantId, owner, { role: 'owner' });
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    receiver.reply = () => ({ status: 410 });
    await committedEvent(scope, 'charge.succeeded');
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    const row = await one('SELECT status, disabled_reason FROM webhook_endpoints WHERE id = $1', [
      uuid(endpoint.id),
    ]);
    expect(row).toEqual({ status: 'disabled', disabled_reason: 'gone' });
    // The first 410 disables; the other delivery is closed unsent (or was in flight alongside it).
    expect(receiver.deliveries.length).toBeGreaterThanOrEqual(1);
    expect((await deliveryRows(uuid(endpoint.id))).every((d) => d.status === 'failed')).toBe(true);
    const banner = await listEndpointsNeedingAttention(db(), scope);
    expect(banner.map((b) => [b.endpoint.id, b.reason])).toEqual([[endpoint.id, 'gone']]);
    const mail = await query('SELECT to_address, kind, subject FROM mail_outbox WHERE merchant_id = $1', [
      scope.merchantId,
    ]);
    expect(mail).toEqual([
      {
        to_address: `owner-${scope.merchantId.slice(0, 8)}@example.test`,
        kind: 'webhook_endpoint_disabled',
        subject: 'Webhook endpoint disabled for Acme Tea',
      },
    ]);
    const before = receiver.deliveries.length;
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    expect(receiver.deliveries).toHaveLength(before);
    // Enabling it again clears the banner.
    await db().$transaction((tx) => updateWebhookEndpoint(tx, scope, endpoint.id, { disabled: false }));
    expect(await listEndpointsNeedingAttention(db(), scope)).toEqual([]);
  });

  it('after 3 days of failures the delivery gives up, the endpoint is disabled and the owners are mailed', async () => {
    const scope = await merchant();
    const owner = await insertUser({ email: `boss-${scope.merchantId.slice(0, 8)}@example.test` });
    await insertMember(scope.merchantId, owner, { role: 'owner' });
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    const healthy = await startReceiver();
    try {
      receiver.reply = () => ({ status: 500, body: 'x'.repeat(10_000) });
      await committedEvent(scope, 'charge.succeeded');
      await runDue();
      for (let n = 1; n <= RETRY_OFFSETS_MS.length; n++) {
        const [row] = await deliveryRows(uuid(endpoint.id));
        expect(row!.status).toBe('pending');
        advanceClockForTests(row!.next_attempt_at!.getTime() - clock.nowMs());
        await runDue();
      }
      expect(receiver.deliveries).toHaveLength(10);
      const [row] = await deliveryRows(uuid(endpoint.id));
      expect(row).toMatchObject({ status: 'failed', attempt_count: 10 });
      const ep = await one('SELECT status, disabled_reason FROM webhook_endpoints WHERE id = $1', [
        uuid(endpoint.id),
      ]);
      expect(ep).toEqual({ status: 'disabled', disabled_reason: 'failing' });
      expect(await query('SELECT kind FROM mail_outbox WHERE merchant_id = $1', [scope.merchantId])).toEqual([
        { kind: 'webhook_endpoint_disabled' },
      ]);
      expect((await listEndpointsNeedingAttention(db(), scope)).map((b) => b.reason)).toEqual(['failing']);
      // Response bodies are kept truncated to 4 KB.
      const log = await listDeliveryAttempts(db(), scope, { endpointId: endpoint.id, limit: 1 });
      expect(log[0]!.responseBody).toHaveLength(4096);
      expect(
        await one('SELECT pending_webhooks FROM events WHERE merchant_id = $1', [scope.merchantId]),
      ).toEqual({ pending_webhooks: 0 });
    } finally {
      await healthy.close();
    }
  });
});

describe('secret rolls', () => {
  it('signs with both secrets during the overlap, both verify, then only the new one', async () => {
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    const { secret } = await db().$transaction((tx) =>
      rollWebhookSecret(tx, scope, endpoint.id, { overlapSeconds: 3600 }),
    );
    expect(secret).not.toBe(endpoint.secret);
    receiver.secrets = [endpoint.secret, secret];
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    const during = receiver.deliveries[0]!;
    expect(during.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(during.verifiedWith.sort()).toEqual([endpoint.secret, secret].sort());

    advanceClockForTests(3601_000);
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    const after = receiver.deliveries[1]!;
    expect(after.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(after.verifiedWith).toEqual([secret]);
    expect(verify(after.body, after.signature, endpoint.secret)).toBeNull();

    // overlap 0: the old secret stops at once.
    const { secret: third } = await db().$transaction((tx) =>
      rollWebhookSecret(tx, scope, endpoint.id, { overlapSeconds: 0 }),
    );
    receiver.secrets = [secret, third];
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    expect(receiver.deliveries[2]!.verifiedWith).toEqual([third]);
    await expect(
      db().$transaction((tx) => rollWebhookSecret(tx, scope, endpoint.id, { overlapSeconds: 8 * 24 * 3600 })),
    ).rejects.toThrow(/7 days/);
  });
});

describe('resend and test events', () => {
  it('resends an event with the same id, and sends a marked test event to one endpoint only', async () => {
    const scope = await merchant();
    const a = await endpointFor(scope, { url: `${receiver.url}?a`, enabled_events: ['charge.succeeded'] });
    const b = await endpointFor(scope, { url: `${receiver.url}?b`, enabled_events: ['*'] });
    receiver.secrets = [a.secret, b.secret];
    const eventId = await committedEvent(scope, 'payment_intent.created');
    await runDue();
    expect(receiver.deliveries.map((d) => d.verifiedWith[0])).toEqual([b.secret]);

    // Resend to an endpoint that does not even subscribe to the type.
    await db().$transaction((tx) => resendEvent(tx, scope, { eventId, endpointId: a.id }));
    await db().$transaction((tx) => resendEvent(tx, scope, { eventId, endpointId: b.id }));
    await runDue();
    expect(receiver.deliveries.map((d) => d.event?.id)).toEqual([eventId, eventId, eventId]);
    expect(receiver.eventIds()).toEqual([eventId]);

    const test = await db().$transaction((tx) =>
      sendTestEvent(tx, scope, { endpointId: a.id, type: 'payment_intent.succeeded' }),
    );
    await runDue();
    const last = receiver.deliveries.at(-1)!;
    expect(receiver.deliveries).toHaveLength(4);
    expect(last.verifiedWith).toEqual([a.secret]);
    expect(last.event).toMatchObject({ id: test.eventId, type: 'payment_intent.succeeded' });
    expect((last.event!.data.object as { metadata: Record<string, string> }).metadata).toEqual({
      test_webhook: 'true',
    });
    expect(
      await one('SELECT test_webhook FROM events WHERE id = $1', [fromPublicId('evt', test.eventId)]),
    ).toEqual({ test_webhook: true });

    const other = await merchant();
    await expect(
      db().$transaction((tx) => resendEvent(tx, other, { eventId, endpointId: a.id })),
    ).rejects.toThrow(/No such event/);
    await expect(
      db().$transaction((tx) => sendTestEvent(tx, other, { endpointId: a.id, type: 'charge.succeeded' })),
    ).rejects.toThrow(/No such webhook endpoint/);
  });
});

describe('URL rules at delivery', () => {
  it('refuses a live endpoint whose name now resolves to a private address (DNS rebinding), sending nothing', async () => {
    const scope = await merchant(true);
    let answer = '93.184.216.34';
    setHostResolverForTests((host) =>
      host === 'hooks.example.test'
        ? Promise.resolve([{ address: answer, family: 4 }])
        : Promise.reject(new Error('ENOTFOUND')),
    );
    const endpoint = await endpointFor(scope, {
      url: 'https://hooks.example.test/webhooks',
      enabled_events: ['*'],
    });
    answer = '127.0.0.1';
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    const log = await listDeliveryAttempts(db(), scope, { endpointId: endpoint.id, limit: 5 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'failed', responseStatus: null });
    expect(log[0]!.error).toMatch(/resolves to a loopback address/);
    answer = '169.254.169.254';
    advanceClockForTests(61_000 + 6_000);
    await runDue();
    const again = await listDeliveryAttempts(db(), scope, { endpointId: endpoint.id, limit: 5 });
    expect(again[0]!.error).toMatch(/link-local/);
  });
});

describe('the sweep', () => {
  it('queues again a due delivery whose attempt was lost with its worker, and leaves one in flight alone', async () => {
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    await committedEvent(scope, 'charge.succeeded');
    await committedEvent(scope, 'charge.succeeded');
    const { relayEvents } = await import('@/lib/webhooks/relay-events');
    await relayEvents();
    const [lost, running] = await deliveryRows(uuid(endpoint.id));
    const now = clock.nowMs();
    // One attempt's lease ran out (its worker was SIGKILLed mid-POST); the other is in flight.
    await query('UPDATE webhook_deliveries SET lease_until = $2, next_attempt_at = $3 WHERE id = $1', [
      lost!.id,
      new Date(now - 1),
      new Date(now - 60_000),
    ]);
    await query('UPDATE webhook_deliveries SET lease_until = $2, next_attempt_at = $3 WHERE id = $1', [
      running!.id,
      new Date(now + 20_000),
      new Date(now - 60_000),
    ]);
    await query(`DELETE FROM graphile_worker._private_jobs`);
    expect(await requeueOverdueDeliveries()).toBe(1);
    const jobs = await query<{ key: string }>(`SELECT key FROM graphile_worker._private_jobs`);
    expect(jobs.map((j) => j.key)).toEqual([`webhook_delivery:${lost!.id}`]);
    // Re-queuing again replaces the waiting job instead of doubling it.
    await requeueOverdueDeliveries();
    expect(await query(`SELECT 1 FROM graphile_worker._private_jobs`)).toHaveLength(1);
  });
});

describe('the Redis stream', () => {
  it('gets each relayed event as XADD stream:events:<merchantId> id type livemode object_id created', async () => {
    const { redis } = await import('@/lib/cache/redis');
    const { eventStreamKey } = await import('@/lib/cache/keys');
    const scope = await merchant();
    const first = await committedEvent(scope, 'payment_intent.created', 'pi_stream_1');
    const second = await committedEvent({ ...scope, livemode: true }, 'charge.succeeded', 'pi_stream_2');
    await runDue();
    const entries = await redis().xrange(eventStreamKey(scope.merchantId), '-', '+');
    const created = (id: string) =>
      one<{ s: number }>('SELECT floor(extract(epoch FROM created_at))::int AS s FROM events WHERE id = $1', [
        fromPublicId('evt', id),
      ]);
    expect(entries.map(([, fields]) => fields)).toEqual([
      [
        'id',
        first,
        'type',
        'payment_intent.created',
        'livemode',
        '0',
        'object_id',
        'pi_stream_1',
        'created',
        String((await created(first)).s),
      ],
      [
        'id',
        second,
        'type',
        'charge.succeeded',
        'livemode',
        '1',
        'object_id',
        'pi_stream_2',
        'created',
        String((await created(second)).s),
      ],
    ]);
  });
});

describe('relays side by side', () => {
  it('three relays at once create each delivery exactly once', async () => {
    const { relayBatch } = await import('@/lib/webhooks/relay-events');
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    for (let i = 0; i < 30; i++) await committedEvent(scope, 'charge.succeeded', `ch_race_${i}`);
    const batches = await Promise.all([relayBatch(10), relayBatch(10), relayBatch(10), relayBatch(10)]);
    const relayed = batches.flat().filter((e) => e.merchantId === scope.merchantId);
    expect(new Set(relayed.map((e) => e.id)).size).toBe(relayed.length);
    const { relayEvents } = await import('@/lib/webhooks/relay-events');
    await relayEvents();
    expect(await deliveryRows(uuid(endpoint.id))).toHaveLength(30);
    expect(
      await query('SELECT DISTINCT pending_webhooks FROM events WHERE merchant_id = $1', [scope.merchantId]),
    ).toEqual([{ pending_webhooks: 1 }]);
  });
});

describe('the hourly 3-day check', () => {
  it('disables an endpoint failing for 3 days even with no attempt running, and only that one', async () => {
    const { disableFailingEndpoints } = await import('@/lib/webhooks/disable-failing-endpoints');
    const scope = await merchant();
    const owner = await insertUser({ email: `hourly-${scope.merchantId.slice(0, 8)}@example.test` });
    await insertMember(scope.merchantId, owner, { role: 'owner' });
    const old = await endpointFor(scope, { url: `${receiver.url}?old`, enabled_events: ['*'] });
    const recent = await endpointFor(scope, { url: `${receiver.url}?recent`, enabled_events: ['*'] });
    const now = clock.nowMs();
    await query('UPDATE webhook_endpoints SET failing_since = $2 WHERE id = $1', [
      uuid(old.id),
      new Date(now - 73 * 3600_000),
    ]);
    await query('UPDATE webhook_endpoints SET failing_since = $2 WHERE id = $1', [
      uuid(recent.id),
      new Date(now - 71 * 3600_000),
    ]);
    await committedEvent(scope, 'charge.succeeded');
    const { relayEvents } = await import('@/lib/webhooks/relay-events');
    await relayEvents();
    expect(await disableFailingEndpoints()).toBe(1);
    expect(
      await query(
        'SELECT url, status, disabled_reason FROM webhook_endpoints WHERE merchant_id = $1 ORDER BY url',
        [scope.merchantId],
      ),
    ).toEqual([
      { url: `${receiver.url}?old`, status: 'disabled', disabled_reason: 'failing' },
      { url: `${receiver.url}?recent`, status: 'enabled', disabled_reason: null },
    ]);
    // Its pending delivery is closed and the event no longer waits for it.
    expect((await deliveryRows(uuid(old.id))).map((d) => d.status)).toEqual(['failed']);
    expect(
      await one('SELECT pending_webhooks FROM events WHERE merchant_id = $1', [scope.merchantId]),
    ).toEqual({
      pending_webhooks: 1,
    });
    expect(await query('SELECT kind FROM mail_outbox WHERE merchant_id = $1', [scope.merchantId])).toEqual([
      { kind: 'webhook_endpoint_disabled' },
    ]);
  });
});

describe('deleting or disabling an endpoint', () => {
  it('stops its pending retries', async () => {
    const { deleteWebhookEndpoint } = await import('@/lib/webhooks/delete-webhook-endpoint');
    const scope = await merchant();
    const gone = await endpointFor(scope, { url: `${receiver.url}?gone`, enabled_events: ['*'] });
    const off = await endpointFor(scope, { url: `${receiver.url}?off`, enabled_events: ['*'] });
    receiver.reply = () => ({ status: 500 });
    const eventId = await committedEvent(scope, 'charge.succeeded');
    await runDue();
    expect(receiver.deliveries).toHaveLength(2);
    await db().$transaction((tx) => deleteWebhookEndpoint(tx, scope, gone.id));
    await db().$transaction((tx) => updateWebhookEndpoint(tx, scope, off.id, { disabled: true }));
    advanceClockForTests(10 * 60_000);
    await runDue();
    expect(receiver.deliveries).toHaveLength(2);
    expect(
      [...(await deliveryRows(uuid(gone.id))), ...(await deliveryRows(uuid(off.id)))].map((d) => d.status),
    ).toEqual(['failed', 'failed']);
    expect(
      await one('SELECT pending_webhooks FROM events WHERE id = $1', [fromPublicId('evt', eventId)]),
    ).toEqual({
      pending_webhooks: 0,
    });
    // Manually disabled: no banner (only the system's disabling shows one).
    expect(await listEndpointsNeedingAttention(db(), scope)).toEqual([]);
  });
});

describe('retention', () => {
  it('drops deliveries finished over 30 days ago with their attempts, and nothing pending', async () => {
    const { purgeDeliveryLog } = await import('@/lib/webhooks/purge-delivery-log');
    const scope = await merchant();
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    receiver.reply = () => ({ status: 500 });
    await committedEvent(scope, 'charge.succeeded');
    await runDue();
    const rows = await deliveryRows(uuid(endpoint.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'succeeded']);
    expect(await purgeDeliveryLog(new Date(clock.nowMs() + 29 * 24 * 3600_000))).toBe(0);
    expect(await purgeDeliveryLog(new Date(clock.nowMs() + 31 * 24 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect((await deliveryRows(uuid(endpoint.id))).map((r) => r.status)).toEqual(['pending']);
    const attempts = await query('SELECT 1 FROM webhook_delivery_attempts WHERE endpoint_id = $1', [
      uuid(endpoint.id),
    ]);
    expect(attempts).toHaveLength(1);
  });
});
