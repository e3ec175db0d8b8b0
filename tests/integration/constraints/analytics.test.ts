import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  PG,
  breaks,
  twice,
  type Violation,
  count,
  expectPgError,
  insertBalance,
  insertMerchant,
  insertSummary,
  insertTransaction,
  one,
  query,
  type Row,
} from '@/tests/helpers/fixtures';

// daily_transaction_summaries (seed 000 `analytics`), merchant_balances and the
// merchant_monthly_stats materialized view.
const TABLES = ['daily_transaction_summaries', 'merchant_balances'] as const;
type Table = (typeof TABLES)[number];

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  daily_transaction_summaries: async (o) => insertSummary(await insertMerchant(), o),
  merchant_balances: async (o) => insertBalance(await insertMerchant(), o),
};

const NOT_NULL: Record<Table, string[]> = {
  daily_transaction_summaries: [
    'id',
    'merchant_id',
    'livemode',
    'summary_date',
    'currency',
    'transaction_count',
    'successful_count',
    'failed_count',
    'refunded_count',
    'gross_amount',
    'fee_amount',
    'net_amount',
    'refunded_amount',
    'fraud_attempts',
  ],
  merchant_balances: [
    'merchant_id',
    'livemode',
    'currency',
    'available_balance',
    'pending_balance',
    'updated_at',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];
const oneMerchantTwice = (insert: (m: string) => Promise<unknown>) => async () => {
  const m = await insertMerchant();
  return twice(() => insert(m))();
};

const VIOLATIONS: Violation<Table>[] = [
  check('daily_transaction_summaries', 'daily_summaries_counts_consistent', { successful_count: -1 }),
  check('daily_transaction_summaries', 'daily_summaries_counts_consistent', { failed_count: -1 }),
  check('daily_transaction_summaries', 'daily_summaries_counts_consistent', { refunded_count: -1 }),
  check('daily_transaction_summaries', 'daily_summaries_counts_consistent', {
    transaction_count: 3,
    successful_count: 2,
    failed_count: 2,
  }),
  unique(
    'daily_transaction_summaries',
    'daily_summaries_merchant_date_currency_key',
    oneMerchantTwice((m) => insertSummary(m)),
  ),
  unique('daily_transaction_summaries', 'daily_transaction_summaries_pkey', async () => {
    const m = await insertMerchant();
    return insertSummary(m, { id: await insertSummary(m), currency: 'EUR' });
  }),
  fk('daily_transaction_summaries', 'daily_transaction_summaries_merchant_id_fkey', () =>
    insertSummary(randomUUID()),
  ),

  check('merchant_balances', 'merchant_balances_currency_iso', { currency: 'eur' }),
  unique(
    'merchant_balances',
    'merchant_balances_pkey',
    oneMerchantTwice((m) => insertBalance(m)),
  ),
  fk('merchant_balances', 'merchant_balances_merchant_id_fkey', () => insertBalance(randomUUID())),
];

describe('daily_transaction_summaries / merchant_balances constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });

  it('one summary per merchant, mode, date and currency: the other mode and currency are separate rows', async () => {
    const m = await insertMerchant();
    await insertSummary(m, { livemode: false });
    await expect(insertSummary(m, { livemode: true })).resolves.toBeTruthy();
    await expect(insertSummary(m, { currency: 'EUR' })).resolves.toBeTruthy();
  });

  it('one balance per merchant, mode and currency; balances may go negative', async () => {
    const m = await insertMerchant();
    await insertBalance(m, { livemode: false, available_balance: -500 });
    await expect(insertBalance(m, { livemode: true })).resolves.not.toThrow();
    await expect(insertBalance(m, { currency: 'EUR' })).resolves.not.toThrow();
  });
});

describe('success_rate is generated as successful_count / transaction_count', () => {
  const rate = async (id: unknown) =>
    (await one('SELECT success_rate FROM daily_transaction_summaries WHERE id = $1', [id])).success_rate;

  it.each([
    { transaction_count: 4, successful_count: 3, expected: '0.7500' },
    { transaction_count: 3, successful_count: 2, expected: '0.6667' },
    { transaction_count: 7, successful_count: 7, expected: '1.0000' },
    { transaction_count: 0, successful_count: 0, expected: '0.0000' },
  ])('$successful_count / $transaction_count -> $expected', async ({ expected, ...counts }) => {
    expect(await rate(await make.daily_transaction_summaries(counts))).toBe(expected);
  });

  it('follows updates of the counts', async () => {
    const id = await make.daily_transaction_summaries({ transaction_count: 2, successful_count: 1 });
    await query(
      'UPDATE daily_transaction_summaries SET transaction_count = 5, successful_count = 4 WHERE id = $1',
      [id],
    );
    expect(await rate(id)).toBe('0.8000');
  });

  it('refuses a direct write on INSERT and on UPDATE', async () => {
    await expectPgError(make.daily_transaction_summaries({ success_rate: 0.5 }), {
      code: PG.GENERATED,
      message: /success_rate/,
    });
    const id = await make.daily_transaction_summaries();
    await expectPgError(
      query('UPDATE daily_transaction_summaries SET success_rate = 0.5 WHERE id = $1', [id]),
      {
        code: PG.GENERATED,
        message: /success_rate/,
      },
    );
  });
});

describe('updated_at triggers', () => {
  it.each([
    {
      table: 'daily_transaction_summaries',
      create: async () => insertSummary(await insertMerchant(), { updated_at: '2000-01-01T00:00:00Z' }),
    },
    {
      table: 'merchant_balances',
      create: async () => {
        const m = await insertMerchant();
        await insertBalance(m, { updated_at: '2000-01-01T00:00:00Z' });
        return m;
      },
    },
  ])('$table.updated_at is set to now() on every UPDATE', async ({ table, create }) => {
    const key = table === 'merchant_balances' ? 'merchant_id' : 'id';
    const rowId = await create();
    const row = await one(
      `UPDATE ${table} SET updated_at = '2001-01-01' WHERE ${key} = $1 RETURNING updated_at = now() AS bumped`,
      [rowId],
    );
    expect(row.bumped).toBe(true);
  });
});

describe('merchant_monthly_stats', () => {
  const now = new Date();
  const midMonth = (monthsAgo: number, yearsAgo = 0) =>
    new Date(Date.UTC(now.getUTCFullYear() - yearsAgo, now.getUTCMonth() - monthsAgo, 15, 12)).toISOString();
  const monthStart = (monthsAgo: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);

  const refresh = () => query('REFRESH MATERIALIZED VIEW CONCURRENTLY merchant_monthly_stats');
  const stats = (merchants: string[]) =>
    query(
      `SELECT merchant_id, livemode, to_char(month AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS month, currency,
              transaction_count::int AS count, successful_count::int AS succeeded,
              total_amount::float8 AS total, avg_amount::float8 AS avg, high_risk_count::int AS high_risk
         FROM merchant_monthly_stats WHERE merchant_id = ANY ($1::uuid[])
        ORDER BY merchant_id = $2 DESC, livemode, month, currency`,
      [merchants, merchants[0]],
    );

  it('refreshes CONCURRENTLY and aggregates per merchant, mode, UTC month and currency', async () => {
    const [a, b] = [await insertMerchant(), await insertMerchant()];
    const tx = (merchant: string, over: Row) =>
      insertTransaction(merchant, { created_at: midMonth(0), ...over });
    await tx(a, { status: 'succeeded', amount: 1000 });
    await tx(a, { status: 'succeeded', amount: 3000, risk_level: 'high' });
    await tx(a, { status: 'failed', amount: 500, risk_level: 'high' });
    await tx(a, { status: 'pending', amount: 200, risk_level: 'low' });
    await tx(a, { status: 'succeeded', amount: 7000, livemode: true, risk_level: 'high' });
    await tx(a, { status: 'failed', amount: 400, currency: 'EUR' });
    await tx(a, { status: 'succeeded', amount: 1500, created_at: midMonth(1) });
    await tx(a, { status: 'succeeded', amount: 9999, created_at: midMonth(0, 3) }); // older than 2 years: left out
    await tx(b, { status: 'failed', amount: 100 });

    expect(await stats([a, b])).toEqual([]); // a materialized view shows nothing new until refreshed
    await refresh();

    const row = (merchant: string, livemode: boolean, month: string, currency: string, rest: Row) => ({
      merchant_id: merchant,
      livemode,
      month,
      currency,
      ...rest,
    });
    expect(await stats([a, b])).toEqual([
      row(a, false, monthStart(1), 'USD', { count: 1, succeeded: 1, total: 1500, avg: 1500, high_risk: 0 }),
      row(a, false, monthStart(0), 'EUR', { count: 1, succeeded: 0, total: null, avg: null, high_risk: 0 }),
      row(a, false, monthStart(0), 'USD', { count: 4, succeeded: 2, total: 4000, avg: 2000, high_risk: 2 }),
      row(a, true, monthStart(0), 'USD', { count: 1, succeeded: 1, total: 7000, avg: 7000, high_risk: 1 }),
      row(b, false, monthStart(0), 'USD', { count: 1, succeeded: 0, total: null, avg: null, high_risk: 0 }),
    ]);

    // A second concurrent refresh picks up changes in place.
    await tx(b, { status: 'succeeded', amount: 900, risk_level: 'high' });
    await refresh();
    expect((await stats([b]))[0]).toMatchObject({
      count: 2,
      succeeded: 1,
      total: 900,
      avg: 900,
      high_risk: 1,
    });
    expect(await count('merchant_monthly_stats', 'merchant_id = $1', [a])).toBe(4);
  });
});
