import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PG,
  breaks,
  type Violation,
  checkLiterals,
  declaredConstraints,
  expectPgError,
  insertCustomer,
  insertMerchant,
  insertTransaction,
  notNullColumns,
  one,
  query,
  type Row,
} from '@/tests/helpers/fixtures';

// transactions (seed 001; seed 000 `payments`). Partition routing and the
// partition function are in partitions.test.ts.
const make = async (over: Row = {}) => insertTransaction(await insertMerchant(), over);

const NOT_NULL = [
  'id',
  'merchant_id',
  'livemode',
  'amount',
  'currency',
  'status',
  'payment_method_type',
  'gateway_name',
  'created_at',
  'capture_method',
  'amount_capturable',
  'amount_received',
  'amount_refunded',
  'attempts',
];

const [check, unique, fk] = [
  breaks.check<'transactions'>,
  breaks.unique<'transactions'>,
  breaks.fk<'transactions'>,
];

const VIOLATIONS: Violation<'transactions'>[] = [
  check('transactions', 'transactions_amount_check', { amount: 0 }),
  check('transactions', 'transactions_amount_check', { amount: -100 }),
  check('transactions', 'transactions_currency_iso', { currency: 'us$' }),
  check('transactions', 'transactions_fee_non_negative', { fee_amount: -1 }),
  check('transactions', 'valid_status', { status: 'settled' }),
  check('transactions', 'valid_risk_level', { risk_level: 'critical' }),
  check('transactions', 'transactions_valid_capture_method', { capture_method: 'later' }),
  check('transactions', 'transactions_valid_cancellation_reason', { cancellation_reason: 'bored' }),
  check('transactions', 'transactions_attempts_non_negative', { attempts: -1 }),
  check('transactions', 'transactions_amounts_bounded', { amount: 100, amount_capturable: 101 }),
  check('transactions', 'transactions_amounts_bounded', { amount: 100, amount_received: 101 }),
  check('transactions', 'transactions_amounts_bounded', { amount: 100, amount_received: 50, amount_refunded: 51 }),
  check('transactions', 'transactions_amounts_bounded', { amount_received: -1 }),
  fk('transactions', 'transactions_merchant_id_fkey', () => insertTransaction(randomUUID())),
  fk('transactions', 'transactions_customer_id_fkey', { customer_id: randomUUID() }),
  unique('transactions', 'transactions_pkey', async () => {
    const tx = await make();
    return insertTransaction(tx.merchantId, { id: tx.id, created_at: tx.createdAt });
  }),
];

describe('transactions constraints', () => {
  it('these cases cover every CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY of the table', async () => {
    const covered = [...new Set(VIOLATIONS.map((v) => v.constraint))].sort();
    expect(covered).toEqual(await declaredConstraints(['transactions']));
  });

  it('these cases cover every NOT NULL column of the table', async () => {
    expect(NOT_NULL.map((c) => `transactions.${c}`).sort()).toEqual(await notNullColumns(['transactions']));
  });

  it('accepts a valid row (with a customer of the merchant)', async () => {
    const m = await insertMerchant();
    await expect(
      insertTransaction(m, { customer_id: await insertCustomer(m), fraud_score: 0.8123 }),
    ).resolves.toBeTruthy();
  });

  it.each(VIOLATIONS)('rejects a row breaking $constraint ($over)', async (v) => {
    await expectPgError(v.run ? v.run() : make(v.over), { code: v.code, constraint: v.constraint });
  });

  it.each(NOT_NULL)('transactions.%s rejects NULL', async (column) => {
    await expectPgError(make({ [column]: null }), { code: PG.NOT_NULL, column });
  });

  it('the smallest positive amount and a zero fee are accepted', async () => {
    await expect(make({ amount: 1, fee_amount: 0 })).resolves.toBeTruthy();
  });

  it('id is unique only together with created_at (the partition key): a repeat id in another instant is accepted', async () => {
    const tx = await make({ created_at: new Date(Date.now() - 86_400_000).toISOString() });
    await expect(insertTransaction(tx.merchantId, { id: tx.id })).resolves.toBeTruthy();
  });
});

describe('transactions value sets are exactly seed 001', () => {
  const SETS = [
    {
      column: 'status',
      constraint: 'valid_status',
      allowed: [
        'pending',
        'authorized',
        'captured',
        'succeeded',
        'failed',
        'cancelled',
        'refunded',
        'disputed',
      ],
    },
    { column: 'risk_level', constraint: 'valid_risk_level', allowed: ['low', 'medium', 'high', null] },
  ] as const;

  describe.each(SETS)('transactions.$column', ({ column, constraint, allowed }) => {
    it('the CHECK lists exactly the allowed values', async () => {
      expect((await checkLiterals('transactions', constraint)).sort()).toEqual(
        allowed.filter((v) => v !== null).sort(),
      );
    });
    it.each(allowed.map((value) => ({ value })))('accepts $value', async ({ value }) => {
      await expect(make({ [column]: value })).resolves.toBeTruthy();
    });
    it('rejects a value outside the set', async () => {
      await expectPgError(make({ [column]: 'bogus' }), { code: PG.CHECK, constraint });
    });
  });

  it('defaults: status pending, compliance_status pending, fee 0, metadata {}', async () => {
    const tx = await make();
    const row = await one(
      'SELECT status, compliance_status, fee_amount, metadata FROM transactions WHERE id = $1 AND created_at = $2',
      [tx.id, tx.createdAt],
    );
    expect(row).toEqual({ status: 'pending', compliance_status: 'pending', fee_amount: '0', metadata: {} });
  });
});

describe('net_amount is generated as amount - fee_amount', () => {
  const net = async (tx: { id: string; createdAt: string }) =>
    (
      await one('SELECT net_amount FROM transactions WHERE id = $1 AND created_at = $2', [
        tx.id,
        tx.createdAt,
      ])
    ).net_amount;

  it.each([
    { amount: 1000, fee_amount: 59, expected: '941' },
    { amount: 1000, fee_amount: 0, expected: '1000' },
    { amount: 1000, fee_amount: null, expected: null },
    { amount: 5, fee_amount: 9, expected: '-4' },
  ])('amount $amount, fee $fee_amount -> net $expected', async ({ amount, fee_amount, expected }) => {
    expect(await net(await make({ amount, fee_amount }))).toBe(expected);
  });

  it('follows updates of amount and fee_amount', async () => {
    const tx = await make({ amount: 1000, fee_amount: 30 });
    await query('UPDATE transactions SET fee_amount = 45, amount = 2000 WHERE id = $1 AND created_at = $2', [
      tx.id,
      tx.createdAt,
    ]);
    expect(await net(tx)).toBe('1955');
  });

  it('refuses a direct write on INSERT', async () => {
    await expectPgError(make({ net_amount: 1 }), { code: PG.GENERATED, message: /net_amount/ });
  });

  it('refuses a direct write on UPDATE', async () => {
    const tx = await make();
    await expectPgError(
      query('UPDATE transactions SET net_amount = 1 WHERE id = $1 AND created_at = $2', [
        tx.id,
        tx.createdAt,
      ]),
      { code: PG.GENERATED, message: /net_amount/ },
    );
  });
});

describe('transactions.updated_at trigger', () => {
  it('is set to now() on every UPDATE, whatever the writer sends', async () => {
    const tx = await make({ updated_at: '2000-01-01T00:00:00Z' });
    const row = await one(
      `UPDATE transactions SET status = 'succeeded', updated_at = '2001-01-01'
        WHERE id = $1 AND created_at = $2 RETURNING updated_at = now() AS bumped`,
      [tx.id, tx.createdAt],
    );
    expect(row.bumped).toBe(true);
  });
});
