import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { db } from '@/lib/db/client';
import { MerchantLimitExceededError } from '@/lib/ledger/errors';
import { getMerchantLimits, releaseMerchantLimit, reserveMerchantLimit } from '@/lib/ledger/merchant-limits';
import { recordVelocity } from '@/lib/ledger/record-velocity';
import { insertMerchant, query } from '@/tests/helpers/fixtures';

async function usage(merchantId: string) {
  return query<{ period: string; used: string }>(
    `SELECT period, used::text AS used FROM merchant_limit_usage WHERE merchant_id = $1 ORDER BY period`,
    [merchantId],
  );
}

// Nothing listens on port 1: every command fails at once (no offline queue, no retries).
const deadRedis = () =>
  new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  }).on('error', () => undefined);

describe('merchant limits', () => {
  it('20 concurrent reservations never pass the daily limit together', async () => {
    const merchantId = await insertMerchant({ daily_limit: 10_000, monthly_limit: 1_000_000 });
    const scope = { merchantId, livemode: false };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db().$transaction((tx) => reserveMerchantLimit(tx, scope, { currency: 'USD', amount: 1_500 }), {
          timeout: 20_000,
          maxWait: 20_000,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBe(6); // 6 × 1,500 = 9,000 ≤ 10,000 < 10,500
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(r.reason).toBeInstanceOf(MerchantLimitExceededError);
    expect(await usage(merchantId)).toEqual([
      { period: 'day', used: '9000' },
      { period: 'month', used: '9000' },
    ]);
  });

  it('the monthly limit is checked with the daily one, and a refusal leaves nothing reserved', async () => {
    const merchantId = await insertMerchant({ daily_limit: 5_000, monthly_limit: 6_000 });
    const scope = { merchantId, livemode: false };
    const at = new Date('2026-03-10T12:00:00Z');
    await db().$transaction((tx) => reserveMerchantLimit(tx, scope, { currency: 'USD', amount: 5_000, at }));
    const next = new Date('2026-03-11T12:00:00Z');
    const err = await db()
      .$transaction((tx) => reserveMerchantLimit(tx, scope, { currency: 'USD', amount: 2_000, at: next }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MerchantLimitExceededError);
    expect(err).toMatchObject({ period: 'month', limit: 6_000, currency: 'USD' });

    // Refused inside a transaction that then commits: still nothing reserved.
    await db().$transaction(async (tx) => {
      await expect(
        reserveMerchantLimit(tx, scope, { currency: 'USD', amount: 1_001, at: next }),
      ).rejects.toBeInstanceOf(MerchantLimitExceededError);
      await reserveMerchantLimit(tx, scope, { currency: 'USD', amount: 1_000, at: next });
    });
    const rows = await query<{ period: string; period_start: string; used: string }>(
      `SELECT period, period_start::text, used::text AS used FROM merchant_limit_usage
        WHERE merchant_id = $1 ORDER BY period, period_start`,
      [merchantId],
    );
    expect(rows).toEqual([
      { period: 'day', period_start: '2026-03-10', used: '5000' },
      { period: 'day', period_start: '2026-03-11', used: '1000' },
      { period: 'month', period_start: '2026-03-01', used: '6000' },
    ]);

    // A void gives it back to the period it was reserved in.
    await db().$transaction((tx) =>
      releaseMerchantLimit(tx, scope, { currency: 'usd', amount: 1_000, at: next }),
    );
    expect((await usage(merchantId)).find((r) => r.period === 'month')?.used).toBe('5000');
  });

  it('other currencies than the merchant own are neither counted nor refused', async () => {
    const merchantId = await insertMerchant({ daily_limit: 100 });
    const scope = { merchantId, livemode: false };
    await db().$transaction((tx) => reserveMerchantLimit(tx, scope, { currency: 'EUR', amount: 1_000_000 }));
    expect(await usage(merchantId)).toEqual([]);
    await expect(
      db().$transaction((tx) => reserveMerchantLimit(tx, scope, { currency: 'USD', amount: 101 })),
    ).rejects.toBeInstanceOf(MerchantLimitExceededError);
  });

  it('limits are cached as merchant:limits:<id> for an hour, and read from PostgreSQL when Redis is down', async () => {
    const merchantId = await insertMerchant({ daily_limit: 700, monthly_limit: 9_000, currency: 'JPY' });
    expect(await getMerchantLimits(merchantId)).toEqual({ currency: 'JPY', daily: 700, monthly: 9_000 });
    const key = keys.merchantLimits(merchantId);
    expect(JSON.parse((await redis().get(key))!)).toEqual({ currency: 'JPY', daily: 700, monthly: 9_000 });
    const left = await redis().ttl(key);
    expect(left).toBeGreaterThan(3500);
    expect(left).toBeLessThanOrEqual(3600);

    const dead = deadRedis();
    try {
      await query('UPDATE merchants SET daily_limit = 800 WHERE id = $1', [merchantId]);
      expect(await getMerchantLimits(merchantId, { client: dead })).toMatchObject({ daily: 800 });
    } finally {
      dead.disconnect();
    }
  });
});

describe('velocity counters', () => {
  it('counts attempts and amounts per customer for an hour, a day and a week', async () => {
    const customer = randomUUID();
    await recordVelocity(customer, 1_500);
    await recordVelocity(customer, 2_500);
    for (const [timeframe, seconds] of [
      ['hour', 3600],
      ['day', 86_400],
      ['week', 604_800],
    ] as const) {
      expect(await redis().get(keys.velocityCount(customer, timeframe))).toBe('2');
      expect(await redis().get(keys.velocityAmount(customer, timeframe))).toBe('4000');
      const ttl = await redis().ttl(keys.velocityAmount(customer, timeframe));
      expect(ttl).toBeGreaterThan(seconds - 10);
      expect(ttl).toBeLessThanOrEqual(seconds);
      expect(await redis().ttl(keys.velocityCount(customer, timeframe))).toBeGreaterThan(seconds - 10);
    }
  });

  it('is best effort: without a customer nothing happens, and with Redis down the payment goes on', async () => {
    await expect(recordVelocity(null, 100)).resolves.toBeUndefined();
    const dead = deadRedis();
    try {
      await expect(recordVelocity(randomUUID(), 100, { client: dead })).resolves.toBeUndefined();
    } finally {
      dead.disconnect();
    }
  });
});
