import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDatabase, databaseUrl, dropDatabase } from '@/tests/helpers/test-databases';

/**
 * Runs before each integration test file is imported: gives the file its own
 * database and Redis key prefix, and points lib/env.ts at them (which is why this
 * file sets process.env: it runs before any application module is loaded).
 */
const runId = inject('testRunId');
const fileId = randomBytes(4).toString('hex');
const name = `pay_test_${runId}_${fileId}`;

await createDatabase(name, inject('templateDatabase'));
process.env.DATABASE_URL = databaseUrl(name);
process.env.REDIS_KEY_PREFIX = `test:${runId}:${fileId}:`;
process.env.DATABASE_POOL_SIZE ??= '5';

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/db/client');
  const { disconnectRedis, redis } = await import('@/lib/cache/redis');
  await disconnectDb();
  // Remove this file's Redis keys (keyPrefix does not apply to SCAN patterns).
  const client = redis();
  const prefix = process.env.REDIS_KEY_PREFIX ?? '';
  let cursor = '0';
  do {
    const [next, found] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (found.length) await client.unlink(...found.map((k) => k.slice(prefix.length)));
  } while (cursor !== '0');
  await disconnectRedis();
  await dropDatabase(name);
});
