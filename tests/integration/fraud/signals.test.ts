import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { readSignals, rememberAssessment } from '@/lib/fraud/signals';

/** lib/fraud/signals.ts on real Redis, and on a Redis that never answers. */
const scope = () => ({ merchantId: randomUUID(), livemode: false });

describe('fraud signals', () => {
  it('a declined attempt counts for the card (this merchant and mode only) and the customer', async () => {
    const s = scope();
    const customerId = randomUUID();
    const fingerprint = 'f'.repeat(64);
    const paymentId = randomUUID();
    await rememberAssessment({
      scope: s,
      paymentId,
      customerId,
      fingerprint,
      declined: true,
      assessment: { score: 0.2, riskLevel: 'normal', decision: 'allow', rules: ['country_mismatch'] },
    });
    expect(await readSignals(s, customerId, fingerprint)).toMatchObject({
      declines: { card: 1, customer: 1 },
      velocity: { hourCount: 0, dayCount: 0, weekCount: 0 },
    });
    expect((await readSignals(scope(), null, fingerprint)).declines).toEqual({ card: 0, customer: 0 });
    expect((await readSignals({ ...s, livemode: true }, null, fingerprint)).declines?.card).toBe(0);
    expect(await redis().ttl(keys.fraudCustomerDeclines(customerId))).toBeGreaterThan(3500);
    expect(JSON.parse((await redis().get(keys.fraudScore(paymentId)))!)).toMatchObject({ score: 0.2 });
  });

  it('reads the seed’s velocity counters', async () => {
    const customerId = randomUUID();
    await redis()
      .multi()
      .set(keys.velocityCount(customerId, 'hour'), '7')
      .set(keys.velocityAmount(customerId, 'hour'), '7000')
      .set(keys.velocityCount(customerId, 'week'), '9')
      .exec();
    expect((await readSignals(scope(), customerId, 'a'.repeat(64))).velocity).toEqual({
      hourCount: 7,
      hourAmount: 7000,
      dayCount: 0,
      dayAmount: 0,
      weekCount: 9,
      weekAmount: 0,
    });
  });

  it('a Redis that never answers costs the payment the budget, not more', async () => {
    // A server that accepts the connection and never replies: without the
    // budget the read would wait forever (and this test would time out).
    const sockets: Socket[] = [];
    const mute = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const { port } = mute.address() as AddressInfo;
    const silent = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: null });
    silent.on('error', () => {});
    try {
      const started = performance.now();
      const signals = await readSignals(scope(), randomUUID(), 'b'.repeat(64), {
        client: silent,
        budgetMs: 50,
      });
      expect(signals).toEqual({ velocity: null, declines: null });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      silent.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => mute.close(resolve));
    }
  });
});
