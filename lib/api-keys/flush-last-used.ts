import { randomUUID } from 'node:crypto';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { db } from '@/lib/db/client';

/**
 * Writes the key uses recorded by touchLastUsed to PostgreSQL, in one UPDATE.
 * The Redis hash is first renamed away, so uses recorded during the flush land
 * in a fresh hash for the next run instead of being lost. last_used_at only
 * moves forward. Returns how many keys were updated.
 */
export async function flushLastUsed(): Promise<number> {
  const client = redis();
  const batch = keys.apiKeyLastUsedFlushing(randomUUID());
  try {
    await client.rename(keys.apiKeyLastUsed(), batch);
  } catch (err) {
    if (/no such key/i.test((err as Error).message)) return 0;
    throw err;
  }
  // A batch whose flush fails is not retried (the next uses overwrite it anyway); it just expires.
  await client.expire(batch, 3600);
  const entries = Object.entries(await client.hgetall(batch)).filter(
    ([id, at]) => /^[0-9a-f-]{36}$/i.test(id) && /^\d+$/.test(at),
  );
  if (entries.length > 0) {
    const ids = entries.map(([id]) => id);
    const times = entries.map(([, at]) => new Date(Number(at)).toISOString());
    await db().$executeRaw`
      UPDATE merchant_api_keys k
         SET last_used_at = GREATEST(COALESCE(k.last_used_at, u.at), u.at)
        FROM unnest(${ids}::uuid[], ${times}::timestamptz[]) AS u(id, at)
       WHERE k.id = u.id`;
  }
  await client.del(batch);
  return entries.length;
}
