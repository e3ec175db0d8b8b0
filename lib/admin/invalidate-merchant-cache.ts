import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { log } from '@/lib/log';

/**
 * Drops the cached merchant config and profile after a status change, so the
 * next read falls through to PostgreSQL. Redis is a cache here: if it is down
 * the change has still committed, and a stale entry lives at most its TTL.
 */
export async function invalidateMerchantCache(merchantId: string): Promise<void> {
  try {
    await redis().del(keys.merchantConfig(merchantId), keys.merchantProfile(merchantId));
  } catch (err) {
    log.warn('merchant cache invalidation failed', { merchantId, err });
  }
}
