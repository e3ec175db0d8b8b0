import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { eventStreamKey } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { env } from '@/lib/env';
import {
  canFollowAnother,
  followEventStream,
  liveFollowers,
  parseEntry,
  type LiveEvent,
} from '@/lib/events/live-stream';
import { relayEvents } from '@/lib/webhooks/relay-events';
import { startApiServer } from '@/tests/helpers/api-server';
import { merchantWithKey } from '../api/helpers';

/**
 * The dashboard's live updates read the merchant's Redis stream with XREAD
 * BLOCK on a connection of their own: entries of the page's mode only, in
 * order, resuming after Last-Event-ID, and the connection closes when the
 * browser goes away or the session does.
 */
const xadd = (merchantId: string, id: string, type: string, livemode: boolean) =>
  redis().xadd(
    eventStreamKey(merchantId),
    'MAXLEN',
    '~',
    10000,
    '*',
    'id',
    id,
    'type',
    type,
    'livemode',
    livemode ? '1' : '0',
    'object_id',
    'pi_1',
    'created',
    '1763700000',
  );

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function clientCount(): Promise<number> {
  const list = (await redis().client('LIST')) as string;
  return list.split('\n').filter((l) => l.includes('cmd=xread')).length;
}

describe('followEventStream', () => {
  it('delivers new entries of its mode in order, under the key prefix, and closes its connection on abort', async () => {
    const merchantId = randomUUID();
    const seen: LiveEvent[] = [];
    const abort = new AbortController();
    let opened = false;
    const done = followEventStream({
      merchantId,
      livemode: false,
      signal: abort.signal,
      blockMs: 200,
      stillAllowed: () => Promise.resolve(true),
      onEvent: (e) => seen.push(e),
      onIdle: () => {
        opened = true;
      },
    });
    await until(() => opened);
    // Counted while it runs: the route refuses more than LIVE_STREAMS_PER_PROCESS.
    const followers = liveFollowers();
    expect(followers).toBeGreaterThanOrEqual(1);
    expect(canFollowAnother(followers)).toBe(false);
    expect(canFollowAnother(followers + 1)).toBe(true);
    await xadd(merchantId, 'evt_1', 'payment_intent.created', false);
    await xadd(merchantId, 'evt_2', 'payment_intent.created', true);
    await xadd(merchantId, 'evt_3', 'charge.succeeded', false);
    // Another merchant's stream is another key.
    await xadd(randomUUID(), 'evt_x', 'charge.succeeded', false);
    await until(() => seen.length === 2);
    expect(seen.map((e) => [e.id, e.type, e.livemode, e.objectId])).toEqual([
      ['evt_1', 'payment_intent.created', false, 'pi_1'],
      ['evt_3', 'charge.succeeded', false, 'pi_1'],
    ]);
    // The entries really are under REDIS_KEY_PREFIX (ioredis prefixes XADD and XREAD alike).
    const plain = new Redis(env.REDIS_URL);
    expect(env.REDIS_KEY_PREFIX).not.toBe('');
    expect(await plain.xlen(`${env.REDIS_KEY_PREFIX}${eventStreamKey(merchantId)}`)).toBe(3);
    plain.disconnect();

    const before = await clientCount();
    abort.abort();
    await done;
    expect(await clientCount()).toBeLessThan(before);
    expect(liveFollowers()).toBe(followers - 1);
  });

  it('resumes after the entry the browser saw last (Last-Event-ID)', async () => {
    const merchantId = randomUUID();
    const first = await xadd(merchantId, 'evt_a', 'charge.succeeded', true);
    await xadd(merchantId, 'evt_b', 'charge.refunded', true);
    const seen: string[] = [];
    const abort = new AbortController();
    const done = followEventStream({
      merchantId,
      livemode: true,
      after: first,
      signal: abort.signal,
      blockMs: 100,
      stillAllowed: () => Promise.resolve(true),
      onEvent: (e) => seen.push(e.id),
      onIdle: () => undefined,
    });
    await until(() => seen.length === 1);
    abort.abort();
    await done;
    expect(seen).toEqual(['evt_b']);
  });

  it('ends by itself once the session is gone', async () => {
    let checks = 0;
    await followEventStream({
      merchantId: randomUUID(),
      livemode: false,
      signal: new AbortController().signal,
      blockMs: 50,
      stillAllowed: () => Promise.resolve(++checks < 3),
      onEvent: () => undefined,
      onIdle: () => undefined,
    });
    expect(checks).toBe(3);
  });

  it('ignores malformed entries', () => {
    expect(parseEntry('1-0', ['id', 'evt_1', 'type', 'x.y', 'livemode', 'maybe'])).toBeNull();
    expect(parseEntry('1-0', ['type', 'x.y', 'livemode', '1'])).toBeNull();
  });
});

describe('a payment made with the SDK reaches an open dashboard page', () => {
  it('the relay publishes the committed events to the merchant’s stream, in the order recorded', async () => {
    const server = await startApiServer();
    try {
      const { actor, key } = await merchantWithKey();
      const seen: LiveEvent[] = [];
      const abort = new AbortController();
      let opened = false;
      const done = followEventStream({
        merchantId: actor.merchantId,
        livemode: false,
        signal: abort.signal,
        blockMs: 200,
        stillAllowed: () => Promise.resolve(true),
        onEvent: (e) => seen.push(e),
        onIdle: () => {
          opened = true;
        },
      });
      await until(() => opened);
      const pi = await server.stripe(key).paymentIntents.create({
        amount: 4200,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(seen).toEqual([]); // Nothing is announced before the relay has published it.
      await relayEvents();
      await until(() => seen.length === 3);
      abort.abort();
      await done;
      expect(seen.map((e) => [e.type, e.objectId])).toEqual([
        ['payment_intent.created', pi.id],
        ['charge.succeeded', pi.latest_charge],
        ['payment_intent.succeeded', pi.id],
      ]);
    } finally {
      await server.close();
    }
  });
});
