import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { log } from '@/lib/log';

/**
 * The Redis side of API-key lookups. Revoke and roll call forgetApiKeyLookups
 * after they commit, so the next request with that key reads PostgreSQL again:
 * that is what makes revocation effective everywhere at once, not after a TTL.
 *
 * A request that read the key from PostgreSQL just before the revoke committed
 * could otherwise write its stale "valid" lookup back into the cache after the
 * revoke deleted it. So forgetting also sets a short fence, and a lookup is
 * only cached (atomically, in one script) while no fence exists.
 */
const CACHE_UNLESS_FENCED = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1
`;

type FencedRedis = Redis & { cacheUnlessFenced(...args: (string | number)[]): Promise<number> };

function scripted(client: Redis): FencedRedis {
  const c = client as FencedRedis;
  if (typeof c.cacheUnlessFenced !== 'function') {
    client.defineCommand('cacheUnlessFenced', { numberOfKeys: 2, lua: CACHE_UNLESS_FENCED });
  }
  return c;
}

export async function cacheApiKeyLookup(keyHash: string, value: string): Promise<void> {
  try {
    await scripted(redis()).cacheUnlessFenced(
      keys.apiKeyAuth(keyHash),
      keys.apiKeyAuthFence(keyHash),
      value,
      ttl.apiKeyAuth,
    );
  } catch (err) {
    log.debug('could not cache API key lookup', { err: (err as Error).message });
  }
}

export async function forgetApiKeyLookups(keyHashes: string[]): Promise<void> {
  if (keyHashes.length === 0) return;
  try {
    const tx = redis().multi();
    for (const h of keyHashes) tx.set(keys.apiKeyAuthFence(h), '1', 'EX', ttl.apiKeyAuthFence);
    tx.del(...keyHashes.map((h) => keys.apiKeyAuth(h)));
    await tx.exec();
  } catch (err) {
    // Redis is unreachable: nothing can be read from it either; an entry that
    // survives an outage expires by its short TTL (ttl.apiKeyAuth).
    log.warn('could not drop cached API key lookups', { err: (err as Error).message });
  }
}
