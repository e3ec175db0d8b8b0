import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { redis } from '@/lib/cache/redis';
import { env } from '@/lib/env';
import { query } from '@/tests/helpers/fixtures';

/**
 * Captures everything this process writes to stdout and stderr (the log), so a
 * test can search it afterwards. Call the returned function to stop.
 */
export function captureLogs(logged: string[]): () => void {
  const writes = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
  };
  const capture =
    (write: typeof writes.out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(writes.out);
  process.stderr.write = capture(writes.err);
  return () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  };
}

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

export interface CardDataSearch {
  /** Card numbers that must appear nowhere. */
  numbers: Set<string>;
  /** CVCs that must appear under no card/cvc key and as no stored value of a card/cvc column. */
  cvcs: Set<string>;
  /** What the process logged meanwhile (captureLogs). */
  logged: string[];
  /** The request log rows (path, method) whose bodies are checked for CVCs. */
  requestPath: string;
  /** How many such rows there must be at least. */
  minRequests: number;
}

/**
 * Searches the whole database (pg_dump, and every column of every table read
 * as text), every Redis key of this file's prefix and the captured log for
 * card numbers and CVCs.
 */
/**
 * The card numbers of `numbers` that occur in `text` once spaces and dashes
 * are removed: every digit run is cut into windows of the numbers' lengths
 * and looked up, so a search costs the text's length, not text × numbers.
 */
function cardNumbersIn(text: string, numbers: Set<string>, lengths: number[]): string[] {
  const found: string[] = [];
  for (const [run] of text.replace(/[\s-]/g, '').matchAll(/\d{12,}/g)) {
    for (const len of lengths) {
      for (let i = 0; i + len <= run.length; i++) {
        const candidate = run.slice(i, i + len);
        if (numbers.has(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

export async function expectNoCardData({ numbers, cvcs, logged, requestPath, minRequests }: CardDataSearch) {
  const lengths = [...new Set([...numbers].map((n) => n.length))];
  const problems: string[] = [];
  // 1. pg_dump of the whole database (data and schema).
  const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', env.DATABASE_URL!], {
    maxBuffer: 512 * 1024 * 1024,
  }).toString('utf8');
  expect(dump).toContain('payment_methods_vault');
  expect(dump.length).toBeGreaterThan(10_000);
  expect(cardNumbersIn(dump, numbers, lengths), 'card numbers in pg_dump').toEqual([]);

  // 2. Every column of every table, read as text, JSON parsed where it is JSON.
  const tables = await query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm')`,
  );
  let cells = 0;
  for (const { name } of tables) {
    const rows = await query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    for (const { row } of rows) {
      const doc = JSON.parse(row) as Record<string, unknown>;
      for (const [column, value] of Object.entries(doc)) {
        cells++;
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (text && cardNumbersIn(text, numbers, lengths).length)
          problems.push(`${name}.${column}: a card number`);
        const { keys, values } = leaves(typeof value === 'string' ? parsed(value) : value);
        if (keys.some((k) => /^(cvc|cvv|number)$/i.test(k)))
          problems.push(`${name}.${column}: a cvc/number key`);
        // A stored value equal to a CVC would be one (amounts and counts here are never 3-digit strings we sent).
        if (/cvc|card/i.test(column) && !(name === 'payment_methods_vault' && column === 'last_four')) {
          if (values.some((v) => cvcs.has(v))) problems.push(`${name}.${column}: a CVC value`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
  expect(cells).toBeGreaterThan(numbers.size * 10);
  const requestLogs = await query<{ body: string }>(
    "SELECT request_body::text AS body FROM api_request_logs WHERE path = $1 AND method = 'POST'",
    [requestPath],
  );
  expect(requestLogs.length).toBeGreaterThanOrEqual(minRequests);
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
  for (const text of redisText) {
    expect(cardNumbersIn(text, numbers, lengths), 'card numbers in Redis').toEqual([]);
    const { keys, values } = leaves(parsed(text.slice(text.indexOf(' ') + 1)));
    expect(keys.filter((k) => /^(cvc|cvv|number)$/i.test(k))).toEqual([]);
    // Counters (rate limits, gateway health) hold 3-digit numbers by chance; only
    // the payment-method caches could hold a CVC as a value.
    if (/^(pm:|customer:pm:)/.test(text)) expect(values.some((v) => cvcs.has(v)), text.slice(0, 40)).toBe(false);
  }

  // 4. Every log line written meanwhile.
  const logText = logged.join('');
  expect(cardNumbersIn(logText, numbers, lengths), 'card numbers in the logs').toEqual([]);
  expect(/"cvc":"\d/.test(logText.replace(/\s/g, ''))).toBe(false);
}
