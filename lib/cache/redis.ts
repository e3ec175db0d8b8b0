import Redis from 'ioredis';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * One ioredis connection per process. Redis is volatile on our machines (nothing
 * on disk), so callers treat it as a cache: every read must have a PostgreSQL
 * fallback and nothing durable lives only here.
 */
const globalForRedis = globalThis as unknown as { __redis?: Redis };

function createClient(): Redis {
  const client = new Redis(env.REDIS_URL, {
    keyPrefix: env.REDIS_KEY_PREFIX,
    // Fail fast instead of queueing commands forever while Redis is away; callers
    // fall back (to PostgreSQL, or a per-process limiter) rather than hang.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Without a listener ioredis prints every reconnect failure; callers see the
  // failure on their own command and fall back, so this only goes to debug logs.
  client.on('error', (err: Error) => log.debug('redis connection error', { err: err.message }));
  return client;
}

export function redis(): Redis {
  globalForRedis.__redis ??= createClient();
  return globalForRedis.__redis;
}

export async function disconnectRedis(): Promise<void> {
  const client = globalForRedis.__redis;
  globalForRedis.__redis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
