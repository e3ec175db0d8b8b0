import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redis } from '@/lib/cache/redis';
import { env } from '@/lib/env';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { query } from '@/tests/helpers/fixtures';
import { EXP, merchantWithKey, newKey, randomVisa } from './helpers';

/**
 * ~200 cards with random numbers and CVCs go in through the API; then the
 * whole database (pg_dump, and every column of every table read as text),
 * every Redis key of this file, and every log line written meanwhile are
 * searched for them. Card numbers may appear nowhere; CVCs (three digits
 * occur by chance anywhere) may appear as no stored value and under no
 * `cvc` key.
 */
const COUNT = 200;
const PER_KEY = 20; // under the test-mode rate limit of 25/s per key and endpoint

let server: ApiServer;
const logged: string[] = [];
const writes = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  server = await startApiServer();
  const capture =
    (write: typeof writes.out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(writes.out);
  process.stderr.write = capture(writes.err);
});

afterAll(async () => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  await server.close();
});

/** Every leaf value of a JSON document, and every key, flattened. */
function leaves(value: unknown, out: { keys: string[]; values: string[] } = { keys: [], values: [] }) {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.keys.push(k);
      leaves(v, out);
    }
  } else out.values.push(typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

describe('no card number or CVC at rest, in Redis or in logs', () => {
  it('after 200 PaymentMethods with random cards and CVCs', { timeout: 180_000 }, async () => {
    const { actor } = await merchantWithKey();
    const cards = Array.from({ length: COUNT }, () => ({
      number: randomVisa(),
      cvc: String(randomInt(100, 1000)),
    }));
    const numbers = new Set(cards.map((c) => c.number));
    expect(numbers.size).toBe(COUNT);

    let stripe = server.stripe(await newKey(actor));
    const customer = await stripe.customers.create({ email: 'dump@example.test' });
    for (const [i, card] of cards.entries()) {
      if (i % PER_KEY === 0) stripe = server.stripe(await newKey(actor));
      const pm = await stripe.paymentMethods.create({
        type: 'card',
        card: { number: card.number, ...EXP, cvc: card.cvc },
        billing_details: { name: `Holder ${i}` },
      });
      // Exercise every path that caches or logs: attach, retrieve, list, and a failure.
      if (i % 10 === 0) await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
      if (i % 10 === 1) await stripe.paymentMethods.retrieve(pm.id);
    }
    await stripe.customers.listPaymentMethods(customer.id, { limit: 100 });
    const bad = cards[0]!.number.slice(0, -1) + String((Number(cards[0]!.number.at(-1)) + 1) % 10);
    await stripe.paymentMethods
      .create({ type: 'card', card: { number: bad, ...EXP, cvc: '999' } })
      .catch(() => undefined);

    // The request log is written after each response: wait until it has every request.
    for (let tries = 0; tries < 100; tries++) {
      const [{ n }] = (await query(
        "SELECT count(*)::int AS n FROM api_request_logs WHERE path LIKE '/v1/payment_methods%'",
      )) as [{ n: number }];
      if (n >= COUNT + 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const vaulted = await query<{ n: number }>('SELECT count(*)::int AS n FROM payment_methods_vault');
    expect(vaulted[0]!.n).toBe(COUNT);

    // 1. pg_dump of the whole database (data and schema).
    const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', env.DATABASE_URL!], {
      maxBuffer: 512 * 1024 * 1024,
    }).toString('utf8');
    expect(dump).toContain('payment_methods_vault');
    expect(dump.length).toBeGreaterThan(10_000);
    const digitsOfDump = dump.replace(/[\s-]/g, '');
    for (const n of numbers) expect(digitsOfDump.includes(n), 'a card number in pg_dump').toBe(false);
    expect(digitsOfDump.includes(bad)).toBe(false);

    // 2. Every column of every table, read as text, JSON parsed where it is JSON.
    const tables = await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm')`,
    );
    const cvcs = new Set([...cards.map((c) => c.cvc), '999']);
    let cells = 0;
    for (const { name } of tables) {
      const rows = await query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
      for (const { row } of rows) {
        const doc = JSON.parse(row) as Record<string, unknown>;
        for (const [column, value] of Object.entries(doc)) {
          cells++;
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          for (const n of numbers)
            expect(text.includes(n), `${name}.${column} holds a card number`).toBe(false);
          const { keys, values } = leaves(typeof value === 'string' ? parsed(value) : value);
          expect(
            keys.filter((k) => /^(cvc|cvv|number)$/i.test(k)),
            `${name}.${column} keys`,
          ).toEqual([]);
          // A stored value equal to a CVC would be one (amounts and counts here are never 3-digit strings we sent).
          if (name !== 'payment_methods_vault' || !['last_four', 'created_at'].includes(column)) {
            for (const v of values)
              expect(cvcs.has(v) && /cvc|card/i.test(column), `${name}.${column}`).toBe(false);
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(COUNT * 10);
    const requestLogs = await query<{ body: string }>(
      "SELECT request_body::text AS body FROM api_request_logs WHERE path = '/v1/payment_methods' AND method = 'POST'",
    );
    expect(requestLogs.length).toBeGreaterThanOrEqual(COUNT);
    for (const { body } of requestLogs) {
      const { keys, values } = leaves(parsed(body));
      expect(keys).not.toContain('cvc');
      expect(values.some((v) => cvcs.has(v))).toBe(false);
    }

    // 3. Redis: every key of this file's prefix, whatever its type.
    const prefix = env.REDIS_KEY_PREFIX;
    const client = redis();
    const redisText: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const full of found) {
        const key = full.slice(prefix.length);
        const type = await client.type(key);
        const value =
          type === 'string'
            ? await client.get(key)
            : type === 'hash'
              ? JSON.stringify(await client.hgetall(key))
              : type === 'zset'
                ? JSON.stringify(await client.zrange(key, 0, -1, 'WITHSCORES'))
                : type === 'set'
                  ? JSON.stringify(await client.smembers(key))
                  : type === 'list'
                    ? JSON.stringify(await client.lrange(key, 0, -1))
                    : '';
        redisText.push(`${key} ${value ?? ''}`);
      }
    } while (cursor !== '0');
    expect(redisText.some((t) => t.startsWith('pm:token:pm_'))).toBe(true);
    expect(redisText.some((t) => t.startsWith('customer:pm:'))).toBe(true);
    for (const text of redisText) {
      for (const n of numbers) expect(text.includes(n), 'a card number in Redis').toBe(false);
      const { keys, values } = leaves(parsed(text.slice(text.indexOf(' ') + 1)));
      expect(keys.filter((k) => /^(cvc|cvv|number)$/i.test(k))).toEqual([]);
      expect(values.some((v) => cvcs.has(v))).toBe(false);
    }

    // 4. Every log line written meanwhile.
    const logText = logged.join('').replace(/[\s-]/g, '');
    for (const n of numbers) expect(logText.includes(n), 'a card number in the logs').toBe(false);
    expect(/"cvc":"\d/.test(logText)).toBe(false);
  });
});
