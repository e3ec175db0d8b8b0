import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDatabase, databaseUrl, dropDatabase } from '@/tests/helpers/test-databases';

/**
 * `npm run bench`: latency and throughput of the /v1 pipeline (key auth, rate
 * limit, parsing, idempotency, PostgreSQL transaction, request log) on this
 * machine, against a fresh database and Redis prefix. The route handlers run
 * behind a plain Node HTTP server (tests/helpers/api-server.ts), so the figures
 * are the pipeline's own cost without Next.js's router in front. Rate limits are
 * raised for the run so that they measure their cost, not their refusals.
 */
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const dbName = `pay_bench_${runId}`;

process.env.DATABASE_URL = databaseUrl(dbName);
process.env.REDIS_KEY_PREFIX = `bench:${runId}:`;
process.env.AUTH_SECRET ??= randomBytes(48).toString('base64');
process.env.API_KEY_HMAC_SECRET ??= randomBytes(48).toString('base64');
process.env.CARD_FINGERPRINT_SECRET ??= randomBytes(48).toString('base64');
process.env.ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString('base64')}`;
process.env.API_RATE_LIMIT_TEST = '100000';
process.env.LOG_LEVEL = 'warn';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(name: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(7);
  console.log(
    `${name.padEnd(42)} n=${String(s.length).padStart(5)}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  p99 ${f(percentile(s, 99))} ms`,
  );
}

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  await createDatabase(dbName);
  try {
    const { migrate } = await import('@/lib/db/migrations');
    await migrate(databaseUrl(dbName));
    const { db } = await import('@/lib/db/client');
    const { createApiKey } = await import('@/lib/api-keys/create-api-key');
    const { startApiServer } = await import('@/tests/helpers/api-server');
    const { disconnectDb } = await import('@/lib/db/client');
    const { disconnectRedis } = await import('@/lib/cache/redis');

    const [merchant] = await db().$queryRaw<{ merchant_id: string }[]>`
      INSERT INTO merchants (business_name, email, address, status, verification_status)
      VALUES ('Bench Shop', ${`bench-${runId}@example.test`}, '{"line1":"1 Main St"}'::jsonb, 'active', 'verified')
      RETURNING id::text AS merchant_id`;
    const [user] = await db().$queryRaw<{ user_id: string }[]>`
      INSERT INTO users (email, password_hash) VALUES (${`bench-${runId}@example.test`}, 'argon2id$x')
      RETURNING user_id::text AS user_id`;
    const merchantId = merchant!.merchant_id;
    const userId = user!.user_id;
    await db()
      .$executeRaw`INSERT INTO merchant_members (merchant_id, user_id, role) VALUES (${merchantId}::uuid, ${userId}::uuid, 'owner')`;
    const { key } = await createApiKey(
      {
        merchantId,
        userId,
        email: `bench-${runId}@example.test`,
        context: { ip: '127.0.0.1', userAgent: 'bench' },
      },
      { type: 'secret', environment: 'test', name: 'bench' },
    );
    const server = await startApiServer();
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' };
    const post = async (body: string, idem: string = randomUUID()) => {
      const res = await fetch(`${server.url}/v1/customers`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': idem },
        body,
      });
      if (res.status !== 200) throw new Error(`POST ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      if (res.status !== 200) throw new Error(`GET ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };

    // Warm up: JIT, connection pools, the key's cached lookup.
    for (let i = 0; i < 50; i++) await post(`email=warm${i}%40example.test`);

    const ids: string[] = [];
    console.log(`/v1 pipeline benchmark (${new Date().toISOString()}, node ${process.version})`);
    report(
      'POST /v1/customers (new Idempotency-Key)',
      await timed(500, async (i) => {
        ids.push((await post(`email=c${i}%40example.test&name=Customer+${i}&metadata[i]=${i}`)).id);
      }),
    );
    report(
      'POST /v1/customers (replayed key)',
      await timed(500, async () => {
        await post('email=replay%40example.test', 'bench-replay');
      }),
    );
    report(
      'GET /v1/customers/:id',
      await timed(1000, async (i) => {
        await get(`/v1/customers/${ids[i % ids.length]}`);
      }),
    );
    report(
      'GET /v1/customers?limit=10',
      await timed(500, async () => {
        await get('/v1/customers?limit=10');
      }),
    );
    report(
      'GET /v1/customers?limit=100&starting_after=…',
      await timed(300, async (i) => {
        await get(`/v1/customers?limit=100&starting_after=${ids[i % 100]}`);
      }),
    );

    const pay = async () => {
      const res = await fetch(`${server.url}/v1/payment_intents`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID() },
        body: 'amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true',
      });
      if (res.status !== 200) throw new Error(`POST ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 30; i++) await pay();
    report(
      'POST /v1/payment_intents confirm=true (card)',
      await timed(300, async () => {
        await pay();
      }),
    );
    {
      const until = performance.now() + 5_000;
      let done = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (performance.now() < until) {
            await pay();
            done++;
          }
        }),
      );
      console.log(
        'Card payments (create+confirm), 16 concurrent'.padEnd(42),
        `${(done / 5).toFixed(0)} req/s`,
      );
    }

    for (const concurrency of [8, 32]) {
      const until = performance.now() + 5_000;
      let done = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          while (performance.now() < until) {
            await post(`email=t${w}-${done}%40example.test`);
            done++;
          }
        }),
      );
      console.log(
        `POST /v1/customers throughput, ${concurrency} concurrent`.padEnd(42),
        `${(done / 5).toFixed(0)} req/s`,
      );
    }

    await server.close();
    await disconnectDb();
    await disconnectRedis();
  } finally {
    await dropDatabase(dbName);
  }
}

await main();
