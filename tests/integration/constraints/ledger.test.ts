import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  breaks,
  expectPgError,
  insertBalanceTransaction,
  insertEvent,
  insertLimitUsage,
  insertMerchant,
  one,
  PG,
  query,
  twice,
  type Row,
  type Violation,
} from '@/tests/helpers/fixtures';

// balance_transactions, ledger_lines, merchant_limit_usage, events (migration 20261121052000_ledger).
const TABLES = ['balance_transactions', 'ledger_lines', 'merchant_limit_usage', 'events'] as const;
type Table = (typeof TABLES)[number];

/**
 * A line and its counter-line in one statement (a single line would be refused
 * at commit by the deferred ledger_lines_balanced trigger); `over` applies to
 * the first line.
 */
async function insertLinePair(over: Row = {}): Promise<unknown> {
  const m = await insertMerchant();
  const bt = await insertBalanceTransaction(m);
  const line: Row = {
    balance_transaction_id: bt,
    merchant_id: m,
    livemode: false,
    currency: 'USD',
    account: 'merchant_available',
    amount: 100,
    ...over,
  };
  const cols = Object.keys(line);
  const counter: Row = {
    ...line,
    ...{ balance_transaction_id: bt, merchant_id: m, livemode: false, currency: 'USD' },
  };
  counter.account = 'processor_clearing';
  counter.amount = typeof line.amount === 'number' ? -line.amount : -100;
  const values = [...cols.map((c) => line[c]), ...cols.map((c) => counter[c])];
  const row = (offset: number) => `(${cols.map((_, i) => `$${offset + i + 1}`).join(', ')})`;
  return query(
    `INSERT INTO ledger_lines (${cols.join(', ')}) VALUES ${row(0)}, ${row(cols.length)} RETURNING id`,
    values,
  );
}

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  balance_transactions: async (o) => insertBalanceTransaction(await insertMerchant(), o),
  ledger_lines: insertLinePair,
  merchant_limit_usage: async (o) => insertLimitUsage(await insertMerchant(), o),
  events: async (o) => insertEvent(await insertMerchant(), o),
};

const NOT_NULL: Record<Table, string[]> = {
  balance_transactions: [
    'id',
    'merchant_id',
    'livemode',
    'currency',
    'type',
    'amount',
    'fee',
    'net',
    'status',
    'available_on',
    'created_at',
  ],
  ledger_lines: [
    'id',
    'balance_transaction_id',
    'merchant_id',
    'livemode',
    'currency',
    'account',
    'amount',
    'created_at',
  ],
  merchant_limit_usage: [
    'merchant_id',
    'livemode',
    'currency',
    'period',
    'period_start',
    'used',
    'updated_at',
  ],
  events: ['id', 'merchant_id', 'livemode', 'type', 'api_version', 'data', 'pending_webhooks', 'created_at', 'test_webhook'],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];
const source = { source_type: 'payment', source_id: randomUUID() };

const VIOLATIONS: Violation<Table>[] = [
  check('balance_transactions', 'balance_transactions_currency_iso', { currency: 'usd' }),
  check('balance_transactions', 'balance_transactions_valid_type', { type: 'payout' }),
  check('balance_transactions', 'balance_transactions_valid_status', { status: 'in_transit' }),
  check('balance_transactions', 'balance_transactions_fee_non_negative', { fee: -1, net: 101 }),
  check('balance_transactions', 'balance_transactions_net_is_amount_less_fee', {
    amount: 100,
    fee: 10,
    net: 100,
  }),
  check('balance_transactions', 'balance_transactions_valid_source_type', {
    source_type: 'charge',
    source_id: randomUUID(),
  }),
  check('balance_transactions', 'balance_transactions_source_pair', { source_type: 'payment' }),
  check('balance_transactions', 'balance_transactions_source_pair', { source_id: randomUUID() }),
  unique('balance_transactions', 'balance_transactions_source_once', async () => {
    const m = await insertMerchant();
    const same = { type: 'charge', source_type: 'payment', source_id: randomUUID() };
    return twice(() => insertBalanceTransaction(m, same))();
  }),
  unique('balance_transactions', 'balance_transactions_pkey', async () => {
    const m = await insertMerchant();
    return insertBalanceTransaction(m, { id: await insertBalanceTransaction(m) });
  }),
  fk('balance_transactions', 'balance_transactions_merchant_id_fkey', () =>
    insertBalanceTransaction(randomUUID()),
  ),

  check('ledger_lines', 'ledger_lines_valid_account', { account: 'cash' }),
  check('ledger_lines', 'ledger_lines_amount_non_zero', { amount: 0 }),
  unique('ledger_lines', 'ledger_lines_pkey', async () => {
    const [row] = (await insertLinePair()) as { id: string }[];
    return insertLinePair({ id: row!.id });
  }),
  fk('ledger_lines', 'ledger_lines_balance_transaction_fkey', { balance_transaction_id: randomUUID() }),
  // A line of another merchant, mode or currency than its entry's.
  fk('ledger_lines', 'ledger_lines_balance_transaction_fkey', { currency: 'EUR' }),
  fk('ledger_lines', 'ledger_lines_balance_transaction_fkey', { livemode: true }),
  fk('ledger_lines', 'ledger_lines_balance_transaction_fkey', async () => {
    const other = await insertMerchant();
    return insertLinePair({ merchant_id: other });
  }),

  check('merchant_limit_usage', 'merchant_limit_usage_currency_iso', { currency: 'US' }),
  check('merchant_limit_usage', 'merchant_limit_usage_valid_period', { period: 'week' }),
  check('merchant_limit_usage', 'merchant_limit_usage_month_starts_on_first', {
    period: 'month',
    period_start: '2026-03-10',
  }),
  check('merchant_limit_usage', 'merchant_limit_usage_used_non_negative', { used: -1 }),
  unique('merchant_limit_usage', 'merchant_limit_usage_pkey', async () => {
    const m = await insertMerchant();
    return twice(() => insertLimitUsage(m))();
  }),
  fk('merchant_limit_usage', 'merchant_limit_usage_merchant_id_fkey', () => insertLimitUsage(randomUUID())),

  check('events', 'events_valid_type', { type: 'PaymentIntent.Succeeded' }),
  check('events', 'events_valid_type', { type: 'succeeded' }),
  check('events', 'events_data_has_object', { data: { previous_attributes: {} } }),
  check('events', 'events_pending_webhooks_non_negative', { pending_webhooks: -1 }),
  check('events', 'events_sealed_data_complete', { sealed_data: Buffer.from('sealed') }),
  unique('events', 'events_pkey', async () => {
    const m = await insertMerchant();
    return insertEvent(m, { id: await insertEvent(m) });
  }),
  fk('events', 'events_merchant_id_fkey', () => insertEvent(randomUUID())),
];

describe('ledger constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });
});

describe('what the ledger constraints still allow, and ON DELETE rules', () => {
  it('a source may post a refund and its refund failure, and sourceless adjustments are unlimited', async () => {
    const m = await insertMerchant();
    const refund = { source_type: 'refund', source_id: randomUUID() };
    await insertBalanceTransaction(m, { ...refund, type: 'refund', amount: -100, net: -100 });
    await expect(insertBalanceTransaction(m, { ...refund, type: 'refund_failure' })).resolves.toBeTruthy();
    await insertBalanceTransaction(m);
    await expect(insertBalanceTransaction(m)).resolves.toBeTruthy();
    await expect(insertBalanceTransaction(m, { ...source, type: 'charge' })).resolves.toBeTruthy();
  });

  it('a merchant with ledger history cannot be deleted; its usage rows and events go with it otherwise', async () => {
    const m = await insertMerchant();
    await insertBalanceTransaction(m);
    await expectPgError(query('DELETE FROM merchants WHERE id = $1', [m]), {
      code: PG.FK,
      constraint: 'balance_transactions_merchant_id_fkey',
    });
    const n = await insertMerchant();
    await insertLimitUsage(n);
    await insertEvent(n);
    await query('DELETE FROM merchants WHERE id = $1', [n]);
    expect(await one('SELECT count(*)::int AS n FROM events WHERE merchant_id = $1', [n])).toEqual({ n: 0 });
  });

  it('negative balances and negative nets are allowed (refunds beyond what is available, fees beyond tiny charges)', async () => {
    const m = await insertMerchant();
    await expect(insertBalanceTransaction(m, { amount: 10, fee: 30, net: -20 })).resolves.toBeTruthy();
  });
});
