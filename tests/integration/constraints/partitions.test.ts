import { describe, expect, it } from 'vitest';
import {
  PG,
  expectPgError,
  insertMerchant,
  insertRefund,
  insertTransaction,
  one,
  query,
  sql,
} from '@/tests/helpers/fixtures';

// Monthly range partitions of `transactions` (seed 001 "Partitioning Strategy")
// and create_monthly_partition, which the migration made idempotent.
const now = new Date();
/** First day of the UTC month `offset` months from now, as YYYY-MM-DD. */
const monthStart = (offset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
const partitionName = (start: string) => `transactions_${start.slice(0, 7).replace('-', '_')}`;
const bound = (start: string, end: string) =>
  `FOR VALUES FROM ('${start} 00:00:00+00') TO ('${end} 00:00:00+00')`;

const PARENT_INDEXES = [
  'idx_transactions_amount_currency',
  'idx_transactions_created',
  'idx_transactions_customer',
  'idx_transactions_gateway',
  'idx_transactions_high_risk',
  'idx_transactions_merchant_created',
  'idx_transactions_merchant_mode_created',
  'idx_transactions_status',
  'transactions_pkey',
];

const createPartition = (start: string) =>
  query(`SELECT create_monthly_partition('transactions', $1::date)`, [start]);

async function partitionBound(name: string): Promise<string | null> {
  const rows = await query<{ bound: string }>(
    `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c
      WHERE c.oid = to_regclass($1) AND c.relispartition`,
    [name],
  );
  return rows[0]?.bound ?? null;
}

/** A partition's indexes: name, definition and the parent index it is attached to. */
const partitionIndexes = (name: string) =>
  query<{ name: string; def: string; parent: string | null }>(
    `SELECT ci.relname AS name, pg_get_indexdef(x.indexrelid) AS def,
            (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = x.indexrelid) AS parent
       FROM pg_index x JOIN pg_class ci ON ci.oid = x.indexrelid
      WHERE x.indrelid = to_regclass($1) ORDER BY 1`,
    [name],
  );

/** Seed 001's named index on the partition, and no second (merchant_id, created_at DESC) index. */
async function expectSeedIndexOnly(partition: string) {
  const indexes = await partitionIndexes(partition);
  expect(indexes.map((i) => i.parent).sort()).toEqual(PARENT_INDEXES);
  const merchantCreated = indexes.filter((i) => i.def.endsWith('(merchant_id, created_at DESC)'));
  expect(merchantCreated).toEqual([
    {
      name: `idx_${partition}_merchant_created`,
      def: `CREATE INDEX idx_${partition}_merchant_created ON public.${partition} USING btree (merchant_id, created_at DESC)`,
      parent: 'idx_transactions_merchant_created',
    },
  ]);
}

// The migration creates the twelve months before and the three after the month it runs in.
const MIGRATED_MONTHS = Array.from({ length: 16 }, (_, i) => i - 12).map((offset) => ({
  partition: partitionName(monthStart(offset)),
  start: monthStart(offset),
  end: monthStart(offset + 1),
}));

describe('transactions partitions made by the migration', () => {
  it('are the sixteen months around now plus the default partition', async () => {
    const rows = await query<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'transactions'::regclass ORDER BY 1`,
    );
    expect(rows.map((r) => r.relname)).toEqual(
      [...MIGRATED_MONTHS.map((m) => m.partition), 'transactions_default'].sort(),
    );
    expect(await partitionBound('transactions_default')).toBe('DEFAULT');
  });

  it.each(MIGRATED_MONTHS)(
    '$partition covers its UTC month and carries every index once',
    async ({ partition, start, end }) => {
      expect(await partitionBound(partition)).toBe(bound(start, end));
      await expectSeedIndexOnly(partition);
    },
  );

  it('the default partition carries every parent index', async () => {
    expect((await partitionIndexes('transactions_default')).map((i) => i.parent).sort()).toEqual(
      PARENT_INDEXES,
    );
  });
});

describe('rows land in the partition of their created_at', () => {
  const lastMicrosecond = (start: string) => {
    const d = new Date(`${start}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return `${d.toISOString().slice(0, 10)} 23:59:59.999999+00`;
  };

  it.each([
    { when: 'now (default created_at)', createdAt: undefined, partition: partitionName(monthStart(0)) },
    {
      when: 'the middle of this month',
      createdAt: `${monthStart(0).slice(0, 8)}15 12:00:00+00`,
      partition: partitionName(monthStart(0)),
    },
    {
      when: 'the first instant of next month',
      createdAt: `${monthStart(1)} 00:00:00+00`,
      partition: partitionName(monthStart(1)),
    },
    {
      when: 'the last microsecond of this month',
      createdAt: lastMicrosecond(monthStart(1)),
      partition: partitionName(monthStart(0)),
    },
    {
      when: 'last year',
      createdAt: `${monthStart(-12).slice(0, 8)}20 08:00:00+00`,
      partition: partitionName(monthStart(-12)),
    },
    { when: 'long ago', createdAt: '1999-06-15 12:00:00+00', partition: 'transactions_default' },
    { when: 'far in the future', createdAt: '2099-06-15 12:00:00+00', partition: 'transactions_default' },
  ])('a row created $when lands in $partition', async ({ createdAt, partition }) => {
    const tx = await insertTransaction(await insertMerchant(), createdAt ? { created_at: createdAt } : {});
    expect(tx.partition).toBe(partition);
    const row = await one('SELECT tableoid::regclass::text AS p FROM transactions WHERE id = $1', [tx.id]);
    expect(row.p).toBe(partition);
  });
});

describe('create_monthly_partition', () => {
  it('is idempotent for a month that already exists', async () => {
    const partition = partitionName(monthStart(0));
    const before = await partitionIndexes(partition);
    await createPartition(monthStart(0));
    await createPartition(monthStart(0));
    expect(await partitionIndexes(partition)).toEqual(before);
    await expectSeedIndexOnly(partition);
  });

  it('creates a new month with the seed index name, once, and the partition behaves like the others', async () => {
    await createPartition('2031-05-01');
    await createPartition('2031-05-01');
    expect(await partitionBound('transactions_2031_05')).toBe(bound('2031-05-01', '2031-06-01'));
    await expectSeedIndexOnly('transactions_2031_05');

    const m = await insertMerchant();
    const tx = await insertTransaction(m, { created_at: '2031-05-15 10:00:00+00', updated_at: '2000-01-01' });
    expect(tx.partition).toBe('transactions_2031_05');
    await expectPgError(insertTransaction(m, { created_at: '2031-05-16 10:00:00+00', amount: 0 }), {
      code: PG.CHECK,
      constraint: 'transactions_amount_check',
    });
    const bumped = await one(
      `UPDATE transactions SET status = 'succeeded' WHERE id = $1 RETURNING updated_at = now() AS b`,
      [tx.id],
    );
    expect(bumped.b).toBe(true);
    // Foreign keys into the partitioned table reach the new partition too.
    await insertRefund(tx);
    await expectPgError(query('DELETE FROM transactions WHERE id = $1', [tx.id]), {
      code: PG.FK,
      constraint: 'refunds_transaction_fkey',
    });
  });

  it('refuses, with a clear message, a month whose rows already sit in the default partition', async () => {
    const tx = await insertTransaction(await insertMerchant(), { created_at: '2033-02-10 09:00:00+00' });
    expect(tx.partition).toBe('transactions_default');
    await expectPgError(createPartition('2033-02-01'), {
      code: PG.RAISE,
      message:
        /transactions_default already holds rows for 2033-02-01 \.\. 2033-03-01; move them before creating transactions_2033_02/,
    });
    expect(await partitionBound('transactions_2033_02')).toBeNull();

    await query('DELETE FROM transactions WHERE id = $1', [tx.id]);
    await createPartition('2033-02-01');
    expect(await partitionBound('transactions_2033_02')).toBe(bound('2033-02-01', '2033-03-01'));
  });

  it('refuses a start date that is not the first day of a month', async () => {
    await expectPgError(createPartition('2031-07-02'), {
      code: PG.RAISE,
      message: /is not the first day of a month/,
    });
    expect(await partitionBound('transactions_2031_07')).toBeNull();
  });

  // The bounds are DATE literals cast to timestamptz, so without the function's
  // own `SET TimeZone = 'UTC'` a session outside UTC would make a month starting
  // at 05:00 UTC that overlaps the next month made from a UTC session.
  it('makes UTC month bounds whatever the session TimeZone', async () => {
    const client = await sql().connect();
    try {
      await client.query(`SET TimeZone = 'America/New_York'`);
      await client.query(`SELECT create_monthly_partition('transactions', '2034-01-01')`);
    } finally {
      await client.query('RESET TimeZone');
      client.release();
    }
    expect(await partitionBound('transactions_2034_01')).toBe(bound('2034-01-01', '2034-02-01'));
  });
});
