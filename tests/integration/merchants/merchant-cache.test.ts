import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import {
  getMerchantConfig,
  getMerchantProfile,
  invalidateMerchantCache,
} from '@/lib/merchants/merchant-cache';
import { updateBusinessDetails } from '@/lib/merchants/update-business-details';
import { insertMember, insertMerchant, insertUser, query } from '@/tests/helpers/fixtures';

/**
 * The merchant cache against real Redis and PostgreSQL: a read fills it, a hit
 * is served from Redis, a change drops it, and an unreachable Redis falls
 * through to PostgreSQL.
 */
const context = { ip: '127.0.0.1', userAgent: 'vitest' };

// Nothing listens on port 1: every command fails at once (no offline queue, no retries).
const deadRedis = new Redis('redis://127.0.0.1:1', {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
deadRedis.on('error', () => undefined);
afterAll(() => deadRedis.disconnect());

async function merchant(over: Record<string, unknown> = {}) {
  return insertMerchant({
    business_name: 'Cached Goods',
    legal_name: 'Cached Goods Ltd',
    business_type: 'llc',
    tax_id: '000000000',
    currency: 'GBP',
    address: { line1: '1 High St', city: 'Leeds', country: 'GB' },
    status: 'active',
    verification_status: 'verified',
    daily_limit: 9_007_199_254_740_993n.toString(),
    ...over,
  });
}

describe('merchant cache', () => {
  it('reads through: the first read fills Redis for an hour, later reads are served from it', async () => {
    const id = await merchant();
    const first = await getMerchantProfile(id);
    expect(first).toMatchObject({
      id,
      businessName: 'Cached Goods',
      currency: 'GBP',
      address: { city: 'Leeds' },
    });
    expect(await redis().ttl(keys.merchantProfile(id))).toBeGreaterThan(3500);

    // Change the row behind the cache's back: a hit still returns the cached copy.
    await query(`UPDATE merchants SET business_name = 'Renamed Elsewhere' WHERE id = $1`, [id]);
    expect((await getMerchantProfile(id))?.businessName).toBe('Cached Goods');

    await invalidateMerchantCache(id);
    expect(await redis().exists(keys.merchantProfile(id))).toBe(0);
    expect((await getMerchantProfile(id))?.businessName).toBe('Renamed Elsewhere');
  });

  it('caches the config under merchant:config:<id>, with BIGINT limits as exact strings', async () => {
    const id = await merchant();
    const config = await getMerchantConfig(id);
    expect(config).toMatchObject({
      id,
      status: 'active',
      verificationStatus: 'verified',
      currency: 'GBP',
      dailyLimit: '9007199254740993',
    });
    expect(JSON.parse((await redis().get(keys.merchantConfig(id)))!)).toEqual(config);
    expect(await redis().ttl(keys.merchantConfig(id))).toBeGreaterThan(3500);
  });

  it('does not cache a merchant that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await getMerchantProfile(missing)).toBeNull();
    expect(await redis().exists(keys.merchantProfile(missing))).toBe(0);
  });

  it('is invalidated by a business details update, which the next read reflects', async () => {
    const id = await merchant();
    const userId = await insertUser({ email: `owner-${id.slice(0, 8)}@example.test` });
    await insertMember(id, userId, { role: 'owner' });
    await getMerchantProfile(id);
    await getMerchantConfig(id);

    const profile = (await getMerchantProfile(id))!;
    await updateBusinessDetails(
      id,
      {
        business_name: 'Cached Goods Two',
        legal_name: profile.legalName!,
        business_type: 'llc',
        tax_id: '000000000',
        currency: 'EUR',
        email: profile.email,
        phone: null,
        website: null,
        line1: '1 High St',
        line2: null,
        city: 'Leeds',
        state: null,
        postal_code: null,
        country: 'GB',
      },
      { userId, email: `owner-${id.slice(0, 8)}@example.test` },
      context,
    );
    expect(await redis().exists(keys.merchantProfile(id), keys.merchantConfig(id))).toBe(0);
    expect(await getMerchantProfile(id)).toMatchObject({ businessName: 'Cached Goods Two', currency: 'EUR' });
    expect((await getMerchantConfig(id))?.currency).toBe('EUR');
  });

  it('falls through to PostgreSQL when Redis is unreachable, without throwing', async () => {
    const id = await merchant({ business_name: 'Offline Outfitters' });
    await expect(deadRedis.get('anything')).rejects.toThrow();

    expect(await getMerchantProfile(id, { client: deadRedis })).toMatchObject({
      id,
      businessName: 'Offline Outfitters',
    });
    expect(await getMerchantConfig(id, { client: deadRedis })).toMatchObject({ id, status: 'active' });
    await expect(invalidateMerchantCache(id, { client: deadRedis })).resolves.toBeUndefined();
    // Nothing reached the real Redis either.
    expect(await redis().exists(keys.merchantProfile(id))).toBe(0);
  });
});
