import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { HistoryAggregates, type HistoryTotals } from '@/lib/seed/aggregates';
import { insertDemoApiKeys, type DemoApiKey } from '@/lib/seed/api-keys';
import { copyRows } from '@/lib/seed/copy';
import { VAULT_COLUMNS, vaultLines } from '@/lib/seed/vault';
import { DEMO_ADMIN, DEMO_MERCHANT, DEMO_OWNER } from '@/lib/seed/demo';
import { generateHistory, type GeneratedPayment } from '@/lib/seed/history';
import { buildPlan, monthsCovered, SEED_DEFAULTS, startOfTodayUtc, type Plan } from '@/lib/seed/plan';
import * as rows from '@/lib/seed/rows';

/**
 * Loads a deterministic demo data set: users, merchants, customers, months of
 * payments with refunds, disputes and fraud logs, and the daily summaries and
 * balances derived from them. See docs/seed.md.
 *
 * Everything happens in one database transaction: a failed or interrupted seed
 * leaves the database as it was. An advisory lock makes concurrent seeders
 * (e.g. two containers starting with --if-empty) run one after the other, so
 * the second one sees the first one's data and skips.
 */

export { SEED_DEFAULTS, startOfTodayUtc };

export interface SeedDatabaseOptions {
  databaseUrl: string;
  merchants?: number;
  transactions?: number;
  seed?: number;
  days?: number;
  /** End of the history (exclusive), midnight UTC. Default: the start of today (UTC). */
  anchor?: Date;
  /** Skip quietly when the database already has merchants (otherwise that is an error). */
  ifEmpty?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
  /**
   * The install's API_KEY_HMAC_SECRET: the demo merchant's test API keys are
   * stored hashed with it. Without it no API keys are seeded.
   */
  apiKeyHmacSecret?: string;
}

export interface SeedCounts extends HistoryTotals {
  users: number;
  merchants: number;
  customers: number;
  dailySummaries: number;
  balances: number;
  partitions: string[];
}

export type SeedResult =
  | { skipped: true }
  | {
      skipped: false;
      counts: SeedCounts;
      anchor: Date;
      historyStart: Date;
      durationMs: number;
      demo: {
        merchant: string;
        owner: { email: string; password: string };
        admin: { email: string; password: string };
        /** The demo merchant's test-mode API keys, in full (printed by the seed). */
        apiKeys: DemoApiKey[];
      };
    };

/** The database has data and ifEmpty was not set: seeding would collide with it. */
export class SeedConflictError extends Error {
  override name = 'SeedConflictError';
}

// Any constant: serialises concurrent seeders.
const SEED_LOCK_KEY = 727_274_042;
const PROGRESS_EVERY = 100_000;

function validate(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function* withProgress(payments: Iterable<GeneratedPayment>, total: number, log?: (line: string) => void) {
  let n = 0;
  for (const p of payments) {
    yield p;
    if (++n % PROGRESS_EVERY === 0)
      log?.(`  transactions ${n.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
  }
}

async function hashPasswords(plan: Plan): Promise<Map<string, string>> {
  // One argon2 hash per distinct password: the other owners share one (see demo.ts).
  const distinct = [...new Set(plan.users.map((u) => u.password))];
  const hashes = await Promise.all(distinct.map((p) => hashPassword(p)));
  return new Map(distinct.map((p, i) => [p, hashes[i]!]));
}

/** true when the database has no merchants; throws if it has none but our users exist. */
async function isEmpty(client: pg.ClientBase, plan: Plan): Promise<boolean> {
  const { rows: found } = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM merchants LIMIT 1) m',
  );
  if (Number(found[0]!.n) > 0) return false;
  const { rows: taken } = await client.query<{ email: string }>(
    'SELECT email FROM users WHERE email = ANY($1)',
    [plan.users.map((u) => u.email)],
  );
  if (taken.length > 0) {
    throw new SeedConflictError(
      `Users ${taken.map((t) => t.email).join(', ')} already exist; seed an empty database (no merchants, no demo users).`,
    );
  }
  return true;
}

export async function seedDatabase(options: SeedDatabaseOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log;
  const anchor = options.anchor ?? startOfTodayUtc();
  const plan = buildPlan({
    merchants: validate('merchants', options.merchants ?? SEED_DEFAULTS.merchants, 1, 5_000),
    transactions: validate(
      'transactions',
      options.transactions ?? SEED_DEFAULTS.transactions,
      0,
      100_000_000,
    ),
    seed: validate('seed', options.seed ?? SEED_DEFAULTS.seed, 0, Number.MAX_SAFE_INTEGER),
    days: validate('days', options.days ?? SEED_DEFAULTS.days, 1, 1_830),
    anchor,
  });

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    let counts: SeedCounts;
    let apiKeys: DemoApiKey[] = [];
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if (!(await isEmpty(client, plan))) {
        if (!options.ifEmpty) {
          throw new SeedConflictError(
            'Database already has data (merchants exist); seed only an empty database.',
          );
        }
        await client.query('ROLLBACK');
        return { skipped: true };
      }
      counts = await load(client, plan, log);
      if (options.apiKeyHmacSecret) apiKeys = await insertDemoApiKeys(client, plan, options.apiKeyHmacSecret);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    // Fresh statistics so the first dashboard queries get sensible plans.
    await timed('analyze', log, () =>
      client.query(
        'ANALYZE users, merchants, customers, transactions, refunds, disputes, fraud_logs, ' +
          'daily_transaction_summaries, merchant_balances, balance_transactions, ledger_lines, payment_methods_vault',
      ),
    );
    return {
      skipped: false,
      counts,
      anchor,
      historyStart: new Date(plan.windowStartMs),
      durationMs: performance.now() - started,
      demo: {
        merchant: DEMO_MERCHANT.businessName,
        owner: { email: DEMO_OWNER.email, password: DEMO_OWNER.password },
        admin: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
        apiKeys,
      },
    };
  } finally {
    await client.end();
  }
}

/** Runs one loading step and logs how long it took. */
async function timed<T>(
  label: string,
  log: ((line: string) => void) | undefined,
  step: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  const result = await step();
  const mb = Math.round(process.memoryUsage().rss / 1_048_576);
  log?.(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s (rss ${mb} MB)`);
  return result;
}

async function load(client: pg.ClientBase, plan: Plan, log?: (line: string) => void): Promise<SeedCounts> {
  // Rows must land in monthly partitions, never in transactions_default.
  const partitions = monthsCovered(plan.windowStartMs, plan.anchorMs);
  for (const month of partitions)
    await client.query("SELECT create_monthly_partition('transactions', $1::date)", [month]);

  const passwordHashes = await hashPasswords(plan);

  // Pass 1: derive customer totals, daily summaries and balances in memory.
  log?.(
    `generating ${plan.options.transactions.toLocaleString('en-US')} transactions (seed ${plan.options.seed})`,
  );
  const agg = new HistoryAggregates(plan.customerIds.length);
  await timed('aggregates', log, () => {
    for (const p of generateHistory(plan)) agg.add(p);
    return Promise.resolve();
  });

  const { COLUMNS } = rows;
  const users = await copyRows(client, 'users', COLUMNS.users, rows.userLines(plan, passwordHashes));
  const merchants = await copyRows(client, 'merchants', COLUMNS.merchants, rows.merchantLines(plan));
  await copyRows(client, 'merchant_members', COLUMNS.merchant_members, rows.memberLines(plan));
  const customers = await timed('customers', log, () =>
    copyRows(client, 'customers', COLUMNS.customers, rows.customerLines(plan, agg)),
  );
  await timed('saved cards', log, () =>
    copyRows(client, 'payment_methods_vault', VAULT_COLUMNS, vaultLines(plan)),
  );

  // Passes 2-5: regenerate the same history (it is deterministic) once per
  // table, so no pass holds more than one COPY chunk of rows in memory.
  log?.('loading transactions');
  const total = plan.options.transactions;
  await timed('transactions', log, () =>
    copyRows(
      client,
      'transactions',
      COLUMNS.transactions,
      rows.transactionLines(plan, withProgress(generateHistory(plan), total, log)),
    ),
  );
  log?.('loading refunds, disputes, fraud logs, summaries and balances');
  await timed('refunds', log, () =>
    copyRows(client, 'refunds', COLUMNS.refunds, rows.refundLines(plan, generateHistory(plan))),
  );
  await timed('disputes', log, () =>
    copyRows(client, 'disputes', COLUMNS.disputes, rows.disputeLines(plan, generateHistory(plan))),
  );
  await timed('fraud logs', log, () =>
    copyRows(client, 'fraud_logs', COLUMNS.fraud_logs, rows.fraudLogLines(plan, generateHistory(plan))),
  );
  // The ledger of the history. Its balance check (a deferred constraint trigger,
  // one lookup per line at commit) is replaced for the load by one query over
  // all lines afterwards, which refuses the whole seed if any entry is unbalanced.
  await timed('ledger', log, async () => {
    await copyRows(
      client,
      'balance_transactions',
      COLUMNS.balance_transactions,
      rows.balanceTransactionLines(plan, generateHistory(plan)),
    );
    await client.query('ALTER TABLE ledger_lines DISABLE TRIGGER ledger_lines_balanced');
    await copyRows(
      client,
      'ledger_lines',
      COLUMNS.ledger_lines,
      rows.ledgerLineLines(plan, generateHistory(plan)),
    );
    await client.query('ALTER TABLE ledger_lines ENABLE TRIGGER ledger_lines_balanced');
    const unbalanced = await client.query(
      'SELECT balance_transaction_id FROM ledger_lines GROUP BY balance_transaction_id HAVING sum(amount) <> 0 LIMIT 1',
    );
    if (unbalanced.rowCount) throw new Error('seed: an unbalanced ledger entry was generated');
  });
  const dailySummaries = await copyRows(
    client,
    'daily_transaction_summaries',
    COLUMNS.daily_transaction_summaries,
    rows.summaryLines(plan, agg),
  );
  const balances = await copyRows(
    client,
    'merchant_balances',
    COLUMNS.merchant_balances,
    rows.balanceLines(plan, agg),
  );
  await timed('merchant_monthly_stats', log, () =>
    client.query('REFRESH MATERIALIZED VIEW merchant_monthly_stats'),
  );

  return { ...agg.totals, users, merchants, customers, dailySummaries, balances, partitions };
}
