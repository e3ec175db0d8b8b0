import type Redis from 'ioredis';
import { keys, ttl, type VelocityTimeframe } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { log } from '@/lib/log';

const TIMEFRAMES = Object.keys(ttl.velocity) as VelocityTimeframe[];

/**
 * Seed 001's increment_velocity_counter for every payment attempt, successful
 * or not: per customer and timeframe (hour, day, week), a count and an amount
 * (minor units, INCRBY: integers, not the seed's INCRBYFLOAT), each key's
 * expiry set to the timeframe's TTL on every increment as the seed does.
 * Fraud rules read them; they are best effort, so when Redis is unreachable
 * the attempt is logged and the payment goes on. Amounts of different
 * currencies are added as they come (the counters are a rough signal).
 */
export async function recordVelocity(
  customerId: string | null,
  amount: number,
  options: { client?: Redis } = {},
): Promise<void> {
  if (customerId === null) return;
  const client = options.client ?? redis();
  try {
    const pipe = client.multi();
    for (const timeframe of TIMEFRAMES) {
      const count = keys.velocityCount(customerId, timeframe);
      const total = keys.velocityAmount(customerId, timeframe);
      pipe
        .incr(count)
        .incrby(total, amount)
        .expire(count, ttl.velocity[timeframe])
        .expire(total, ttl.velocity[timeframe]);
    }
    const results = await pipe.exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) throw failed;
  } catch (err) {
    log.warn('velocity counters not updated', { customerId, err });
  }
}
