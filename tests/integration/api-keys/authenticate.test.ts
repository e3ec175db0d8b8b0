import { afterEach, describe, expect, it } from 'vitest';
import { cacheApiKeyLookup } from '@/lib/api-keys/auth-cache';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { flushLastUsed } from '@/lib/api-keys/flush-last-used';
import { hashApiKey } from '@/lib/api-keys/hash-api-key';
import { generateApiKey } from '@/lib/api-keys/key-format';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { rollApiKey } from '@/lib/api-keys/roll-api-key';
import { touchLastUsed } from '@/lib/api-keys/touch-last-used';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { one, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant } from './helpers';

/** The lookup the /v1 pipeline will use, against real PostgreSQL and Redis. */
afterEach(() => resetClockForTests());

const HOUR = 3_600_000;

describe('authenticateApiKey', () => {
  it('a valid key gives the merchant, mode, type and permissions, and caches the lookup', async () => {
    const actor = await actorForNewMerchant();
    const { key, apiKey } = await createApiKey(actor, { type: 'secret', environment: 'live', name: 'Live' });
    expect(await authenticateApiKey(key)).toEqual({
      keyId: apiKey.id,
      merchantId: actor.merchantId,
      livemode: true,
      keyType: 'secret',
      permissions: [],
      keyPrefix: apiKey.prefix,
    });
    expect(await redis().ttl(keys.apiKeyAuth(hashApiKey(key)))).toBeGreaterThan(0);
    // Served from the cache now: still the same answer.
    expect((await authenticateApiKey(key))?.keyId).toBe(apiKey.id);
  });

  it('a revoked key is refused on the next request, even right after a cached lookup', async () => {
    const actor = await actorForNewMerchant();
    const { key, apiKey } = await createApiKey(actor, {
      type: 'secret',
      environment: 'test',
      name: 'Soon gone',
    });
    expect(await authenticateApiKey(key)).not.toBeNull();
    const started = Date.now();
    await revokeApiKey(actor, apiKey.id);
    expect(await authenticateApiKey(key)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a lookup read before a revoke committed cannot be cached after it (the fence)', async () => {
    const actor = await actorForNewMerchant();
    const { key, apiKey } = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Raced' });
    const hash = hashApiKey(key);
    await authenticateApiKey(key);
    const stale = await redis().get(keys.apiKeyAuth(hash));
    expect(stale).toBeTruthy();
    await revokeApiKey(actor, apiKey.id);
    // A request that read PostgreSQL just before the revoke now writes its "valid" lookup.
    await cacheApiKeyLookup(hash, stale!);
    expect(await redis().get(keys.apiKeyAuth(hash))).toBeNull();
    expect(await authenticateApiKey(key)).toBeNull();
    expect(await redis().ttl(keys.apiKeyAuthFence(hash))).toBeGreaterThan(0);
  });

  it('an expired key is refused', async () => {
    const actor = await actorForNewMerchant();
    const { key } = await createApiKey(actor, {
      type: 'secret',
      environment: 'test',
      name: 'Short-lived',
      expiresAt: new Date(Date.now() + HOUR),
    });
    expect(await authenticateApiKey(key)).not.toBeNull();
    advanceClockForTests(HOUR + 1000);
    // The cached entry carries the expiry: no stale "yes".
    expect(await authenticateApiKey(key)).toBeNull();
  });

  it('a rolled key keeps working until its chosen expiry, then not; the new key works', async () => {
    const actor = await actorForNewMerchant();
    const old = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Rolling' });
    expect(await authenticateApiKey(old.key)).not.toBeNull(); // cached
    const rolled = await rollApiKey(actor, old.apiKey.id, '1h');
    expect((await authenticateApiKey(old.key))?.keyId).toBe(old.apiKey.id);
    expect((await authenticateApiKey(rolled.key))?.keyId).toBe(rolled.apiKey.id);
    advanceClockForTests(HOUR + 1000);
    expect(await authenticateApiKey(old.key)).toBeNull();
    expect((await authenticateApiKey(rolled.key))?.keyId).toBe(rolled.apiKey.id);
  });

  it('rolling with "now" stops the old key at once, even after a cached lookup', async () => {
    const actor = await actorForNewMerchant();
    const old = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Leaked' });
    expect(await authenticateApiKey(old.key)).not.toBeNull();
    const rolled = await rollApiKey(actor, old.apiKey.id, 'now');
    expect(await authenticateApiKey(old.key)).toBeNull();
    expect(await authenticateApiKey(rolled.key)).not.toBeNull();
  });

  it('an unknown key, a wrong key, a malformed key and an empty one all give the same null', async () => {
    const actor = await actorForNewMerchant();
    const { key } = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Real' });
    const wrong = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
    const results = await Promise.all(
      [generateApiKey('secret', 'test'), wrong, 'sk_test_nope', '', 'x'.repeat(10_000)].map(
        authenticateApiKey,
      ),
    );
    expect(results).toEqual([null, null, null, null, null]);
  });
});

describe('last used', () => {
  it('a use is recorded in Redis only; the flush job writes it to PostgreSQL', async () => {
    const actor = await actorForNewMerchant();
    const { apiKey } = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Busy' });
    const at = new Date('2026-11-20T10:00:00.000Z');
    await touchLastUsed(apiKey.id, at);
    // Not in the database yet, but the list already shows it.
    expect(
      (await one('SELECT last_used_at FROM merchant_api_keys WHERE id = $1', [apiKey.id])).last_used_at,
    ).toBeNull();
    expect((await listApiKeys(actor.merchantId, 'test'))[0]!.lastUsedAt).toEqual(at);

    expect(await flushLastUsed()).toBe(1);
    expect(
      (await one('SELECT last_used_at FROM merchant_api_keys WHERE id = $1', [apiKey.id])).last_used_at,
    ).toEqual(at);
    // Nothing left to flush; and an older use never moves last_used_at back.
    expect(await flushLastUsed()).toBe(0);
    await touchLastUsed(apiKey.id, new Date(at.getTime() - HOUR));
    await flushLastUsed();
    expect(
      (await one('SELECT last_used_at FROM merchant_api_keys WHERE id = $1', [apiKey.id])).last_used_at,
    ).toEqual(at);
  });

  it('a flush touches only the keys that were used', async () => {
    const actor = await actorForNewMerchant();
    const used = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Used' });
    const idle = await createApiKey(actor, { type: 'publishable', environment: 'test', name: 'Idle' });
    await touchLastUsed(used.apiKey.id);
    await flushLastUsed();
    const rows = await query('SELECT id, last_used_at FROM merchant_api_keys WHERE merchant_id = $1', [
      actor.merchantId,
    ]);
    expect(rows.find((r) => r.id === used.apiKey.id)!.last_used_at).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === idle.apiKey.id)!.last_used_at).toBeNull();
  });
});
