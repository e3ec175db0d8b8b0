import pg from 'pg';
import { openCard } from '@/lib/vault/sealing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { seedDatabase, SeedConflictError, startOfTodayUtc } from '@/lib/seed/index';
import { createDatabase, databaseUrl, dropDatabase } from '@/tests/helpers/test-databases';

/**
 * Seeds this file's database in-process and checks what a dashboard (or an
 * auditor) would see: the counts, that every derived table agrees with the
 * rows it is derived from, that no row fell into the default partition, and
 * that the same seed reproduces the same bytes in a second database.
 */

const url = process.env.DATABASE_URL!;
const ANCHOR = startOfTodayUtc();
const OPTIONS = { merchants: 3, transactions: 500, seed: 7, days: 90, anchor: ANCHOR } as const;
const secondDb = `${new URL(url).pathname.slice(1)}_seed2`;

let client: pg.Client;

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(sql, params)).rows;
}

async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  return (await rows<T>(sql, params))[0]!;
}

/** md5 per table over every row (password hashes excluded: argon2 salts are random by design). */
const DIGEST_TABLES: Record<string, string> = {
  users: 'SELECT user_id, email, name, role, created_at, updated_at FROM users',
  merchants: 'SELECT * FROM merchants',
  merchant_members: 'SELECT * FROM merchant_members',
  customers: 'SELECT * FROM customers',
  transactions: 'SELECT * FROM transactions',
  refunds: 'SELECT * FROM refunds',
  disputes: 'SELECT * FROM disputes',
  fraud_logs: 'SELECT * FROM fraud_logs',
  daily_transaction_summaries: 'SELECT * FROM daily_transaction_summaries',
  merchant_balances: 'SELECT * FROM merchant_balances',
  balance_transactions: 'SELECT * FROM balance_transactions',
  ledger_lines: 'SELECT * FROM ledger_lines',
  // The ciphertext differs on every run (a fresh data key and IV per seal); everything else may not.
  payment_methods_vault: `SELECT token, customer_id, merchant_id, livemode, encryption_key_id, fingerprint,
    last_four, brand, expires_at, is_active, created_at, funding, country FROM payment_methods_vault`,
};

async function digests(c: pg.Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, select] of Object.entries(DIGEST_TABLES)) {
    const { rows: r } = await c.query<{ d: string }>(
      `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS d FROM (${select}) t`,
    );
    out[table] = r[0]!.d;
  }
  return out;
}

beforeAll(async () => {
  const result = await seedDatabase({ databaseUrl: url, ...OPTIONS });
  expect(result.skipped).toBe(false);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(secondDb);
});

describe('seedDatabase', () => {
  it('creates the demo merchant, its owner and the platform admin with working passwords', async () => {
    const acme = await one<Record<string, unknown>>(
      "SELECT * FROM merchants WHERE business_name = 'Acme Outfitters'",
    );
    expect(acme).toMatchObject({
      status: 'active',
      verification_status: 'verified',
      currency: 'USD',
      fee_structure: { percent_bps: 290, fixed: 30 },
    });
    expect(Object.keys(acme.address as object).sort()).toEqual([
      'city',
      'country',
      'line1',
      'postal_code',
      'state',
    ]);

    const owner = await one<{ role: string; member_role: string; password_hash: string }>(
      `SELECT u.role, mm.role AS member_role, u.password_hash FROM users u
         JOIN merchant_members mm ON mm.user_id = u.user_id AND mm.merchant_id = $1
        WHERE u.email = 'demo@example.com'`,
      [acme.id],
    );
    expect(owner).toMatchObject({ role: 'merchant', member_role: 'owner' });
    expect(await verifyPassword(owner.password_hash, 'demo-password-123')).toBe(true);

    const admin = await one<{ role: string; password_hash: string }>(
      "SELECT role, password_hash FROM users WHERE email = 'admin@example.com'",
    );
    expect(admin.role).toBe('admin');
    expect(await verifyPassword(admin.password_hash, 'admin-password-123')).toBe(true);
  });

  it('creates the requested counts', async () => {
    const counts = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM merchants) AS merchants,
              (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM merchant_members WHERE role = 'owner') AS owners,
              (SELECT count(*)::int FROM transactions) AS transactions,
              (SELECT count(DISTINCT currency)::int FROM transactions) AS currencies`,
    );
    expect(counts).toEqual({ merchants: 3, users: 4, owners: 3, transactions: 500, currencies: 5 });
  });

  it('puts every transaction in its monthly partition, none in the default one', async () => {
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM transactions_default')).n).toBe(0);
    const misplaced = await rows(
      `SELECT tableoid::regclass FROM transactions
        WHERE tableoid::regclass::text <> 'transactions_' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY_MM')`,
    );
    expect(misplaced).toEqual([]);
  });

  it('keeps all history before the anchor, within the window', async () => {
    const r = await one<{ min: Date; max: Date; live_inactive: number }>(
      `SELECT min(t.created_at) AS min, max(greatest(t.updated_at, t.created_at)) AS max,
              count(*) FILTER (WHERE t.livemode AND m.status <> 'active')::int AS live_inactive
         FROM transactions t JOIN merchants m ON m.id = t.merchant_id`,
    );
    expect(r.min.getTime()).toBeGreaterThanOrEqual(ANCHOR.getTime() - 90 * 86_400_000);
    expect(r.max.getTime()).toBeLessThan(ANCHOR.getTime());
    expect(r.live_inactive).toBe(0);
  });

  it('has roughly the specified status mix', async () => {
    const mix = Object.fromEntries(
      (
        await rows<{ status: string; n: number }>(
          'SELECT status, count(*)::int AS n FROM transactions GROUP BY 1',
        )
      ).map((r) => [r.status, r.n / 500]),
    );
    expect(mix.succeeded).toBeGreaterThan(0.78);
    expect(mix.succeeded).toBeLessThan(0.92);
    expect(mix.failed).toBeGreaterThan(0.04);
    expect(mix.failed).toBeLessThan(0.13);
    expect(mix.refunded).toBeGreaterThan(0.01);
    expect(mix.refunded).toBeLessThan(0.08);
    expect(mix.disputed).toBeGreaterThan(0);
    expect(mix.disputed).toBeLessThan(0.04);
  });

  it('charges fees from each merchant fee structure, rounded half up, on successful charges only', async () => {
    const wrong = await rows(
      `SELECT t.id FROM transactions t JOIN merchants m ON m.id = t.merchant_id
        WHERE t.fee_amount <> CASE WHEN t.status IN ('succeeded', 'refunded', 'disputed')
          THEN (t.amount * (m.fee_structure->>'percent_bps')::bigint + 5000) / 10000 + (m.fee_structure->>'fixed')::bigint
          ELSE 0 END`,
    );
    expect(wrong).toEqual([]);
  });

  it('never refunds more than a payment, and refunds only refunded payments', async () => {
    const over = await rows(
      `SELECT t.id FROM transactions t JOIN refunds r ON r.transaction_id = t.id
        GROUP BY t.id, t.amount HAVING sum(r.amount) > t.amount OR max(r.amount) > t.amount`,
    );
    expect(over).toEqual([]);
    const mismatched = await rows(
      `SELECT t.id FROM transactions t
        WHERE (t.status = 'refunded') <> EXISTS (SELECT 1 FROM refunds r WHERE r.transaction_id = t.id)
           OR (t.status = 'disputed') <> EXISTS (SELECT 1 FROM disputes d WHERE d.transaction_id = t.id)`,
    );
    expect(mismatched).toEqual([]);
    const r = await one<{ partial: number; other: number }>(
      `SELECT count(*) FILTER (WHERE r.amount < t.amount)::int AS partial,
              count(*) FILTER (WHERE r.status <> 'succeeded' OR r.transaction_created_at <> t.created_at
                               OR r.currency <> t.currency OR r.merchant_id <> t.merchant_id)::int AS other
         FROM refunds r JOIN transactions t ON t.id = r.transaction_id`,
    );
    expect(r.partial).toBeGreaterThan(0);
    expect(r.other).toBe(0);
  });

  it('logs fraud for every high-risk payment', async () => {
    const missing = await rows(
      `SELECT t.id FROM transactions t WHERE (t.risk_level = 'high' OR t.fraud_score > 0.8)
          AND NOT EXISTS (SELECT 1 FROM fraud_logs f WHERE f.payment_id = t.id)`,
    );
    expect(missing).toEqual([]);
    const f = await one<{ n: number; bad: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE f.risk_score <> t.fraud_score * 100)::int AS bad
         FROM fraud_logs f JOIN transactions t ON t.id = f.payment_id`,
    );
    expect(f.n).toBeGreaterThan(0);
    expect(f.bad).toBe(0);
  });

  it('writes daily summaries equal to an aggregate of the transactions', async () => {
    const diff = await rows(
      `WITH refunded AS (SELECT transaction_id, sum(amount) AS amount FROM refunds GROUP BY 1),
       recomputed AS (
         SELECT t.merchant_id, t.livemode, (t.created_at AT TIME ZONE 'UTC')::date AS summary_date, t.currency,
                count(*)::int AS transaction_count,
                count(*) FILTER (WHERE t.status IN ('succeeded', 'refunded', 'disputed'))::int AS successful_count,
                count(*) FILTER (WHERE t.status = 'failed')::int AS failed_count,
                count(*) FILTER (WHERE t.status = 'refunded')::int AS refunded_count,
                coalesce(sum(t.amount) FILTER (WHERE t.status IN ('succeeded', 'refunded', 'disputed')), 0)::bigint AS gross_amount,
                coalesce(sum(t.fee_amount) FILTER (WHERE t.status IN ('succeeded', 'refunded', 'disputed')), 0)::bigint AS fee_amount,
                coalesce(sum(t.net_amount) FILTER (WHERE t.status IN ('succeeded', 'refunded', 'disputed')), 0)::bigint AS net_amount,
                coalesce(sum(r.amount), 0)::bigint AS refunded_amount,
                count(*) FILTER (WHERE t.risk_level = 'high')::int AS high_risk_count,
                count(*) FILTER (WHERE f.is_fraudulent)::int AS fraud_count,
                count(*) FILTER (WHERE t.status = 'disputed')::int AS dispute_count,
                count(f.payment_id)::int AS fraud_attempts
           FROM transactions t
           LEFT JOIN refunded r ON r.transaction_id = t.id
           LEFT JOIN fraud_logs f ON f.payment_id = t.id
          GROUP BY 1, 2, 3, 4),
       stored AS (
         SELECT merchant_id, livemode, summary_date, currency, transaction_count, successful_count, failed_count,
                refunded_count, gross_amount, fee_amount, net_amount, refunded_amount, high_risk_count,
                fraud_count, dispute_count, fraud_attempts
           FROM daily_transaction_summaries)
       (SELECT 'missing' AS side, * FROM recomputed EXCEPT SELECT 'missing', * FROM stored)
       UNION ALL
       (SELECT 'extra', * FROM stored EXCEPT SELECT 'extra', * FROM recomputed)`,
    );
    expect(diff).toEqual([]);
    const rate = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM daily_transaction_summaries
        WHERE success_rate <> round(successful_count::numeric / transaction_count, 4)`,
    );
    expect(rate.bad).toBe(0);
  });

  it('writes balances equal to net successful charges minus refunds', async () => {
    const diff = await rows(
      `WITH refunded AS (SELECT transaction_id, sum(amount) AS amount FROM refunds GROUP BY 1),
       recomputed AS (
         SELECT t.merchant_id, t.livemode, t.currency,
                sum(t.net_amount - coalesce(r.amount, 0))::bigint AS available_balance, 0::bigint AS pending_balance
           FROM transactions t LEFT JOIN refunded r ON r.transaction_id = t.id
          WHERE t.status IN ('succeeded', 'refunded', 'disputed')
          GROUP BY 1, 2, 3),
       stored AS (SELECT merchant_id, livemode, currency, available_balance, pending_balance FROM merchant_balances)
       (SELECT 'missing' AS side, * FROM recomputed EXCEPT SELECT 'missing', * FROM stored)
       UNION ALL
       (SELECT 'extra', * FROM stored EXCEPT SELECT 'extra', * FROM recomputed)`,
    );
    expect(diff).toEqual([]);
  });

  it('writes the ledger of the history: balanced entries whose merchant lines are the balances', async () => {
    const unbalanced = await rows(
      'SELECT balance_transaction_id FROM ledger_lines GROUP BY 1 HAVING sum(amount) <> 0',
    );
    expect(unbalanced).toEqual([]);
    const diff = await rows(
      `WITH lines AS (
         SELECT merchant_id, livemode, currency, sum(amount)::bigint AS available_balance
           FROM ledger_lines WHERE account = 'merchant_available' GROUP BY 1, 2, 3)
       (SELECT merchant_id, livemode, currency, available_balance FROM merchant_balances EXCEPT SELECT * FROM lines)
       UNION ALL
       (SELECT * FROM lines EXCEPT SELECT merchant_id, livemode, currency, available_balance FROM merchant_balances)`,
    );
    expect(diff).toEqual([]);
    // One charge per payment that moved money, one refund entry per refund, fees on the platform.
    const counts = await rows(
      `SELECT (SELECT count(*) FROM balance_transactions WHERE type = 'charge')::int AS charges,
              (SELECT count(*) FROM transactions WHERE status IN ('succeeded', 'refunded', 'disputed'))::int AS paid,
              (SELECT count(*) FROM balance_transactions WHERE type = 'refund')::int AS refund_entries,
              (SELECT count(*) FROM refunds)::int AS refunds,
              (SELECT coalesce(sum(fee), 0) FROM balance_transactions)::text AS fees,
              (SELECT coalesce(sum(fee_amount), 0) FROM transactions
                WHERE status IN ('succeeded', 'refunded', 'disputed'))::text AS charged_fees`,
    );
    expect(counts[0]!.charges).toBe(counts[0]!.paid);
    expect(counts[0]!.refund_entries).toBe(counts[0]!.refunds);
    expect(counts[0]!.fees).toBe(counts[0]!.charged_fees);
  });

  it('gives each customer a saved card in the vault, sealed, and their payments its token', async () => {
    const vault = await rows<{
      token: string;
      encrypted_data: Buffer;
      encryption_key_id: string;
      last_four: string;
    }>('SELECT token, encrypted_data, encryption_key_id, last_four FROM payment_methods_vault');
    expect(vault.length).toBe(Number((await rows('SELECT count(*)::int AS n FROM customers'))[0]!.n));
    for (const v of vault) {
      const card = openCard(v.token, v.encrypted_data, v.encryption_key_id);
      expect(card.number.endsWith(v.last_four)).toBe(true);
      expect(v.encrypted_data.toString('latin1')).not.toContain(card.number);
    }
    const mismatched = await rows(
      `SELECT t.id FROM transactions t LEFT JOIN payment_methods_vault v ON v.token = t.payment_method_token
        WHERE (t.customer_id IS NULL AND t.payment_method_token IS NOT NULL)
           OR (t.customer_id IS NOT NULL AND (v.customer_id IS DISTINCT FROM t.customer_id))`,
    );
    expect(mismatched).toEqual([]);
  });

  it('records what each payment received and refunded, as the API presents it', async () => {
    const wrong = await rows(
      `SELECT t.id FROM transactions t
        LEFT JOIN (SELECT transaction_id, sum(amount) AS amount FROM refunds GROUP BY 1) r ON r.transaction_id = t.id
        WHERE (t.status IN ('succeeded', 'refunded', 'disputed')
               AND (t.amount_received <> t.amount OR t.amount_refunded <> coalesce(r.amount, 0) OR t.captured_at IS NULL))
           OR (t.status NOT IN ('succeeded', 'refunded', 'disputed') AND t.amount_received <> 0)`,
    );
    expect(wrong).toEqual([]);
  });

  it('keeps customer totals consistent with their transactions', async () => {
    const diff = await rows(
      `WITH totals AS (
         SELECT t.customer_id, count(*)::int AS n,
                coalesce(sum(t.amount) FILTER (WHERE t.status IN ('succeeded', 'refunded', 'disputed')), 0) AS total,
                min(t.created_at) AS first, max(t.created_at) AS last,
                bool_and(t.merchant_id = c.merchant_id AND t.livemode = c.livemode) AS same_scope
           FROM transactions t JOIN customers c ON c.id = t.customer_id
          GROUP BY t.customer_id)
       SELECT c.id FROM customers c LEFT JOIN totals a ON a.customer_id = c.id
        WHERE c.total_transactions <> coalesce(a.n, 0)
           OR c.total_amount <> coalesce(a.total, 0)
           OR c.first_transaction_at IS DISTINCT FROM a.first
           OR c.last_transaction_at IS DISTINCT FROM a.last
           OR a.same_scope = false
           OR c.created_at > coalesce(a.first, c.created_at)`,
    );
    expect(diff).toEqual([]);
  });

  it('skips a database that already has data with ifEmpty, and refuses it otherwise', async () => {
    expect(await seedDatabase({ databaseUrl: url, ...OPTIONS, ifEmpty: true })).toEqual({ skipped: true });
    await expect(seedDatabase({ databaseUrl: url, ...OPTIONS })).rejects.toThrow(SeedConflictError);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM transactions')).n).toBe(500);
  });

  it('is deterministic: the same seed gives byte-identical rows in another database', async () => {
    await createDatabase(secondDb, inject('templateDatabase'));
    await seedDatabase({ databaseUrl: databaseUrl(secondDb), ...OPTIONS });
    const other = new pg.Client({ connectionString: databaseUrl(secondDb) });
    await other.connect();
    try {
      const [a, b] = [await digests(client), await digests(other)];
      expect(b).toEqual(a);
      // And the digest does see the data: a different seed changes it.
      await other.query('TRUNCATE merchants, users CASCADE');
      await seedDatabase({ databaseUrl: databaseUrl(secondDb), ...OPTIONS, seed: 8 });
      expect((await digests(other)).transactions).not.toBe(a.transactions);
    } finally {
      await other.end();
    }
  });
});
