import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { log } from '@/lib/log';

/**
 * Drops the cached lookups of these key hashes. Called after a revoke or roll
 * commits, so the next request with that key reads PostgreSQL again: that is
 * what makes revocation effective everywhere at once, not after a TTL.
 */
export async function forgetApiKeyLookups(keyHashes: string[]): Promise<void> {
  if (keyHashes.length === 0) return;
  try {
    await redis().del(...keyHashes.map((h) => keys.apiKeyAuth(h)));
  } catch (err) {
    // Redis is unreachable: nothing can be read from it either; an entry that
    // survives an outage expires by its short TTL (ttl.apiKeyAuth).
    log.warn('could not drop cached API key lookups', { err: (err as Error).message });
  }
}
