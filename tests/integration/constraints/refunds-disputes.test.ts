import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PG,
  breaks,
  type Violation,
  checkLiterals,
  count,
  declaredConstraints,
  expectPgError,
  insertDispute,
  insertFraudLog,
  insertMerchant,
  insertRefund,
  insertTransaction,
  insertUser,
  notNullColumns,
  one,
  query,
  type Row,
  type TxRef,
} from '@/tests/helpers/fixtures';

// refunds, disputes, fraud_logs: the rows that point at a payment through the
// composite key (transaction_id, transaction_created_at).
const TABLES = ['refunds', 'disputes', 'fraud_logs'] as const;
type Table = (typeof TABLES)[number];

const newTx = async (over: Row = {}) => insertTransaction(await insertMerchant(), over);
const insertChild: Record<Table, (tx: TxRef, over?: Row) => Promise<string>> = {
  refunds: insertRefund,
  disputes: insertDispute,
  fraud_logs: insertFraudLog,
};
const make =
  (table: Table) =>
  async (over: Row = {}) =>
    insertChild[table](await newTx(), over);

const NOT_NULL: Record<Table, string[]> = {
  refunds: [
    'id',
    'transaction_id',
    'transaction_created_at',
    'merchant_id',
    'livemode',
    'amount',
    'currency',
    'status',
    'metadata',
  ],
  disputes: [
    'id',
    'transaction_id',
    'transaction_created_at',
    'merchant_id',
    'livemode',
    'dispute_type',
    'amount',
    'currency',
    'status',
  ],
  fraud_logs: [
    'fraud_log_id',
    'payment_id',
    'payment_created_at',
    'merchant_id',
    'livemode',
    'risk_score',
    'is_fraudulent',
    'created_at',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];

/** The payment's id with another created_at: the composite key must not match. */
const wrongInstant = (tx: TxRef): TxRef => ({ ...tx, createdAt: '2001-01-01 00:00:00+00' });
const unknownTx = (tx: TxRef): TxRef => ({ ...tx, id: randomUUID() });
const duplicatePk = (table: Table, pk: string) => async () => {
  const tx = await newTx();
  return insertChild[table](tx, { [pk]: await insertChild[table](tx) });
};

const VIOLATIONS: Violation<Table>[] = [
  check('refunds', 'refunds_amount_check', { amount: 0 }),
  check('refunds', 'valid_refund_status', { status: 'reversed' }),
  check('refunds', 'refunds_metadata_object', { metadata: JSON.stringify([1]) }),
  check('refunds', 'refunds_valid_reason', { reason: 'changed_my_mind' }),
  fk('refunds', 'refunds_transaction_fkey', async () => insertRefund(wrongInstant(await newTx()))),
  fk('refunds', 'refunds_transaction_fkey', async () => insertRefund(unknownTx(await newTx()))),
  fk('refunds', 'refunds_merchant_id_fkey', { merchant_id: randomUUID() }),
  fk('refunds', 'refunds_requested_by_fkey', { requested_by: randomUUID() }),
  unique('refunds', 'refunds_pkey', duplicatePk('refunds', 'id')),

  check('disputes', 'disputes_amount_positive', { amount: 0 }),
  check('disputes', 'valid_dispute_status', { status: 'closed' }),
  fk('disputes', 'disputes_transaction_fkey', async () => insertDispute(wrongInstant(await newTx()))),
  fk('disputes', 'disputes_transaction_fkey', async () => insertDispute(unknownTx(await newTx()))),
  fk('disputes', 'disputes_merchant_id_fkey', { merchant_id: randomUUID() }),
  unique('disputes', 'disputes_pkey', duplicatePk('disputes', 'id')),

  check('fraud_logs', 'fraud_logs_risk_score_range', { risk_score: -0.01 }),
  check('fraud_logs', 'fraud_logs_risk_score_range', { risk_score: 100.01 }),
  fk('fraud_logs', 'fraud_logs_payment_fkey', async () => insertFraudLog(wrongInstant(await newTx()))),
  fk('fraud_logs', 'fraud_logs_merchant_id_fkey', { merchant_id: randomUUID() }),
  unique('fraud_logs', 'fraud_logs_pkey', duplicatePk('fraud_logs', 'fraud_log_id')),
];

describe('refunds / disputes / fraud_logs constraints', () => {
  it('these cases cover every CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY of the tables', async () => {
    const covered = [...new Set(VIOLATIONS.map((v) => v.constraint))].sort();
    expect(covered).toEqual(await declaredConstraints([...TABLES]));
  });

  it('these cases cover every NOT NULL column of the tables', async () => {
    const expected = TABLES.flatMap((t) => NOT_NULL[t].map((c) => `${t}.${c}`)).sort();
    expect(expected).toEqual(await notNullColumns([...TABLES]));
  });

  it.each(TABLES)('%s accepts a valid row', async (table) => {
    await expect(make(table)()).resolves.toBeTruthy();
  });

  it.each(VIOLATIONS)('$table rejects a row breaking $constraint', async (v) => {
    await expectPgError(v.run ? v.run() : make(v.table)(v.over), { code: v.code, constraint: v.constraint });
  });

  it.each(TABLES.flatMap((t) => NOT_NULL[t].map((column) => ({ table: t, column }))))(
    '$table.$column rejects NULL',
    async ({ table, column }) => {
      await expectPgError(make(table)({ [column]: null }), { code: PG.NOT_NULL, column });
    },
  );

  it.each([0, 55.5, 100])('fraud_logs.risk_score accepts %s (seed 000: 0 to 100)', async (risk_score) => {
    await expect(make('fraud_logs')({ risk_score })).resolves.toBeTruthy();
  });

  it('a refund may name the user who requested it', async () => {
    await expect(make('refunds')({ requested_by: await insertUser() })).resolves.toBeTruthy();
  });
});

describe('status sets are exactly seed 001', () => {
  const SETS = [
    {
      table: 'refunds',
      constraint: 'valid_refund_status',
      allowed: ['pending', 'succeeded', 'failed', 'cancelled'],
      dflt: 'pending',
    },
    {
      table: 'disputes',
      constraint: 'valid_dispute_status',
      allowed: ['open', 'under_review', 'won', 'lost', 'warning_closed'],
      dflt: 'open',
    },
  ] as const;

  describe.each(SETS)('$table.status', ({ table, constraint, allowed, dflt }) => {
    it('the CHECK lists exactly the allowed values', async () => {
      expect((await checkLiterals(table, constraint)).sort()).toEqual([...allowed].sort());
    });
    it.each(allowed)('accepts %s', async (status) => {
      await expect(make(table)({ status })).resolves.toBeTruthy();
    });
    it('rejects a value outside the set', async () => {
      await expectPgError(make(table)({ status: 'bogus' }), { code: PG.CHECK, constraint });
    });
    it(`defaults to ${dflt}`, async () => {
      const rowId = await make(table)();
      expect((await one(`SELECT status FROM ${table} WHERE id = $1`, [rowId])).status).toBe(dflt);
    });
  });
});

describe('disputes.updated_at trigger', () => {
  it('is set to now() on every UPDATE, whatever the writer sends', async () => {
    const d = await make('disputes')({ updated_at: '2000-01-01T00:00:00Z' });
    const row = await one(
      `UPDATE disputes SET status = 'under_review', updated_at = '2001-01-01' WHERE id = $1 RETURNING updated_at = now() AS bumped`,
      [d],
    );
    expect(row.bumped).toBe(true);
  });
});

describe('ON DELETE rules', () => {
  const deleteTx = (tx: TxRef) =>
    query('DELETE FROM transactions WHERE id = $1 AND created_at = $2', [tx.id, tx.createdAt]);

  it('deleting a transaction removes its fraud logs (CASCADE)', async () => {
    const tx = await newTx();
    await insertFraudLog(tx);
    await insertFraudLog(tx, { is_fraudulent: true, risk_score: 97 });
    await deleteTx(tx);
    expect(await count('fraud_logs', 'payment_id = $1', [tx.id])).toBe(0);
  });

  it.each([
    { table: 'refunds' as const, constraint: 'refunds_transaction_fkey' },
    { table: 'disputes' as const, constraint: 'disputes_transaction_fkey' },
  ])('deleting a transaction that has $table is refused', async ({ table, constraint }) => {
    const tx = await newTx();
    await insertChild[table](tx);
    await expectPgError(deleteTx(tx), { code: PG.FK, constraint });
    expect(await count('transactions', 'id = $1', [tx.id])).toBe(1);
  });

  it('moving a referenced transaction to another instant (and partition) is refused', async () => {
    const tx = await newTx();
    await insertRefund(tx);
    await expectPgError(
      query(`UPDATE transactions SET created_at = created_at - interval '40 days' WHERE id = $1`, [tx.id]),
      { code: PG.FK, constraint: 'refunds_transaction_fkey' },
    );
  });

  it('deleting the requesting user keeps the refund with requested_by set to NULL', async () => {
    const u = await insertUser();
    const r = await make('refunds')({ requested_by: u });
    await query('DELETE FROM users WHERE user_id = $1', [u]);
    expect((await one('SELECT requested_by FROM refunds WHERE id = $1', [r])).requested_by).toBeNull();
  });
});
