import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { advanceClockForTests, clock, resetClockForTests } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { eventObject } from '@/lib/events/record-event';
import { getBalance } from '@/lib/ledger/get-balance';
import { postCharge } from '@/lib/ledger/post-charge';
import { postRefund } from '@/lib/ledger/post-refund';
import { postRefundFailure } from '@/lib/ledger/post-refund-failure';
import { releaseAvailableFunds } from '@/lib/ledger/release-available-funds';
import { expectPgError, insertMerchant, PG, query, sql } from '@/tests/helpers/fixtures';
import { balanceOf, balanceTransaction, expectLedgerConsistent, linesOf } from './helpers';

const DAY = 86_400_000;
afterEach(() => resetClockForTests());

async function merchant(over = {}) {
  return { merchantId: await insertMerchant(over), livemode: false };
}

describe('ledger entries', () => {
  it('a charge puts its net in pending, the fee on platform_fees, and balances', async () => {
    const scope = await merchant();
    const paymentId = randomUUID();
    const { balanceTransactionId } = await db().$transaction((tx) =>
      postCharge(tx, scope, { paymentId, currency: 'usd', amount: 10_000, fee: 320 }),
    );
    expect(await balanceTransaction(balanceTransactionId)).toMatchObject({
      type: 'charge',
      amount: '10000',
      fee: '320',
      net: '9680',
      status: 'pending',
      source_type: 'payment',
      source_id: paymentId,
    });
    expect(await linesOf(balanceTransactionId)).toEqual([
      { account: 'merchant_pending', amount: '-320' },
      { account: 'merchant_pending', amount: '10000' },
      { account: 'platform_fees', amount: '320' },
      { account: 'processor_clearing', amount: '-10000' },
    ]);
    expect(await balanceOf(scope.merchantId)).toEqual({ available: 0, pending: 9680 });
    await expectLedgerConsistent();
  });

  it('available_on is now + BALANCE_AVAILABLE_DELAY_DAYS (2); a past one is available at once', async () => {
    const scope = await merchant();
    const before = clock.nowMs();
    const { balanceTransactionId: id } = await db().$transaction((tx) =>
      postCharge(tx, scope, { paymentId: randomUUID(), currency: 'EUR', amount: 500, fee: 45 }),
    );
    const row = (await query(`SELECT available_on FROM balance_transactions WHERE id = $1`, [id]))[0]!;
    const delay = (row.available_on as Date).getTime() - before;
    expect(delay).toBeGreaterThanOrEqual(2 * DAY - 1000);
    expect(delay).toBeLessThanOrEqual(2 * DAY + 5000);

    const now = await db().$transaction((tx) =>
      postCharge(tx, scope, {
        paymentId: randomUUID(),
        currency: 'EUR',
        amount: 1000,
        fee: 59,
        availableOn: new Date(Date.now() - 1000),
      }),
    );
    expect((await balanceTransaction(now.balanceTransactionId)).status).toBe('available');
    expect(await balanceOf(scope.merchantId, 'EUR')).toEqual({ available: 941, pending: 455 });
    await expectLedgerConsistent();
  });

  it('a payment posts one charge: the second is refused and changes nothing', async () => {
    const scope = await merchant();
    const paymentId = randomUUID();
    const input = { paymentId, currency: 'USD', amount: 1000, fee: 59 };
    await db().$transaction((tx) => postCharge(tx, scope, input));
    await expect(db().$transaction((tx) => postCharge(tx, scope, input))).rejects.toThrow(
      /balance_transactions_source_once|Unique constraint/,
    );
    expect(await balanceOf(scope.merchantId)).toEqual({ available: 0, pending: 941 });
  });

  it('the release job moves due funds to available, in one transaction per batch, and records balance.available', async () => {
    const scope = await merchant();
    const other = await merchant();
    for (const [s, amount] of [
      [scope, 1000],
      [scope, 2000],
      [other, 3000],
    ] as const) {
      await db().$transaction((tx) =>
        postCharge(tx, s, { paymentId: randomUUID(), currency: 'USD', amount, fee: 100 }),
      );
    }
    await releaseAvailableFunds(); // what earlier tests made due already
    const pending = await balanceOf(scope.merchantId);
    expect(pending).toEqual({ available: 0, pending: 2800 });
    expect(await releaseAvailableFunds()).toBe(0); // nothing due yet
    advanceClockForTests(2 * DAY + 60_000);
    // Batches of two: this test's three and whatever earlier tests in this file left due.
    expect(await releaseAvailableFunds(clock.now(), 2)).toBeGreaterThanOrEqual(3);
    expect(await balanceOf(scope.merchantId)).toEqual({ available: 2800, pending: 0 });
    expect(await balanceOf(other.merchantId)).toEqual({ available: 2900, pending: 0 });
    expect(await releaseAvailableFunds(clock.now())).toBe(0);
    await expectLedgerConsistent();

    const events = await db().event.findMany({ where: { merchantId: scope.merchantId } });
    expect(events.length).toBeGreaterThanOrEqual(1);
    // Batches of two: the merchant's last release event shows the whole balance.
    const objects = events.map(eventObject);
    const event = objects.find((e) => JSON.stringify(e.data).includes('"amount":2800'))!;
    expect(event).toMatchObject({
      object: 'event',
      type: 'balance.available',
      livemode: false,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
      data: { object: { object: 'balance', available: [{ amount: 2800, currency: 'usd' }] } },
    });
    expect(event.id).toMatch(/^evt_/);
  });

  it('a refund debits available (even into the negative, fee kept); a refund failure gives it back', async () => {
    const scope = await merchant();
    const paymentId = randomUUID();
    await db().$transaction((tx) =>
      postCharge(tx, scope, { paymentId, currency: 'JPY', amount: 6000, fee: 204 }),
    );
    const refundId = randomUUID();
    const refund = await db().$transaction((tx) =>
      postRefund(tx, scope, { refundId, paymentId, currency: 'JPY', amount: 6000 }),
    );
    expect(await balanceTransaction(refund.balanceTransactionId)).toMatchObject({
      type: 'refund',
      amount: '-6000',
      fee: '0',
      net: '-6000',
      status: 'available',
      source_type: 'refund',
    });
    expect(await balanceOf(scope.merchantId, 'JPY')).toEqual({ available: -6000, pending: 5796 });
    const failure = await db().$transaction((tx) =>
      postRefundFailure(tx, scope, { refundId, currency: 'JPY', amount: 6000 }),
    );
    expect(await linesOf(failure.balanceTransactionId)).toEqual([
      { account: 'merchant_available', amount: '6000' },
      { account: 'processor_clearing', amount: '-6000' },
    ]);
    expect(await balanceOf(scope.merchantId, 'JPY')).toEqual({ available: 0, pending: 5796 });
    await expectLedgerConsistent();
  });

  it('getBalance is Stripe balance object, with the merchant currency at zero before any movement', async () => {
    const scope = await merchant({ currency: 'GBP' });
    expect(await getBalance(db(), scope)).toEqual({
      object: 'balance',
      available: [{ amount: 0, currency: 'gbp', source_types: { card: 0 } }],
      pending: [{ amount: 0, currency: 'gbp', source_types: { card: 0 } }],
      livemode: false,
    });
    await db().$transaction((tx) =>
      postCharge(tx, scope, { paymentId: randomUUID(), currency: 'GBP', amount: 1000, fee: 50 }),
    );
    await db().$transaction((tx) =>
      postCharge(
        tx,
        { ...scope, livemode: true },
        { paymentId: randomUUID(), currency: 'EUR', amount: 1, fee: 0 },
      ),
    );
    expect((await getBalance(db(), scope)).pending).toEqual([
      { amount: 950, currency: 'gbp', source_types: { card: 950 } },
    ]);
  });

  it('a rolled-back caller transaction leaves no entry, line or balance behind', async () => {
    const scope = await merchant();
    await expect(
      db().$transaction(async (tx) => {
        await postCharge(tx, scope, { paymentId: randomUUID(), currency: 'USD', amount: 1000, fee: 59 });
        throw new Error('the payment state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(
      await query('SELECT 1 FROM balance_transactions WHERE merchant_id = $1', [scope.merchantId]),
    ).toEqual([]);
    expect(await balanceOf(scope.merchantId)).toBeNull();
  });
});

describe('the deferred trigger ledger_lines_balanced', () => {
  async function entry(merchantId: string): Promise<string> {
    const rows = await query<{ id: string }>(
      `INSERT INTO balance_transactions (merchant_id, livemode, currency, type, amount, fee, net, available_on)
       VALUES ($1, false, 'USD', 'adjustment', 100, 0, 100, now()) RETURNING id`,
      [merchantId],
    );
    return rows[0]!.id;
  }

  it('refuses to commit an entry whose lines do not sum to zero', async () => {
    const m = await insertMerchant();
    const client = await sql().connect();
    try {
      await client.query('BEGIN');
      const id = (
        await client.query<{ id: string }>(
          `INSERT INTO balance_transactions (merchant_id, livemode, currency, type, amount, fee, net, available_on)
           VALUES ($1, false, 'USD', 'adjustment', 100, 0, 100, now()) RETURNING id`,
          [m],
        )
      ).rows[0]!.id;
      await client.query(
        `INSERT INTO ledger_lines (balance_transaction_id, merchant_id, livemode, currency, account, amount)
         VALUES ($1, $2, false, 'USD', 'merchant_available', 100), ($1, $2, false, 'USD', 'processor_clearing', -99)`,
        [id, m],
      );
      await expectPgError(client.query('COMMIT'), {
        code: PG.CHECK,
        constraint: 'ledger_lines_balanced',
        message: /does not balance: its lines sum to 1/,
      });
    } finally {
      client.release();
    }
    expect(await query('SELECT 1 FROM balance_transactions WHERE merchant_id = $1', [m])).toEqual([]);
  });

  it('lets an entry be written line by line, checking only at commit', async () => {
    const m = await insertMerchant();
    const id = await entry(m);
    const client = await sql().connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ledger_lines (balance_transaction_id, merchant_id, livemode, currency, account, amount)
         VALUES ($1, $2, false, 'USD', 'merchant_available', 100)`,
        [id, m],
      );
      await client.query(
        `INSERT INTO ledger_lines (balance_transaction_id, merchant_id, livemode, currency, account, amount)
         VALUES ($1, $2, false, 'USD', 'processor_clearing', -100)`,
        [id, m],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await linesOf(id)).toHaveLength(2);
  });

  it('refuses deleting one line of a balanced entry', async () => {
    const m = await insertMerchant();
    const scope = { merchantId: m, livemode: false };
    const { balanceTransactionId } = await db().$transaction((tx) =>
      postCharge(tx, scope, { paymentId: randomUUID(), currency: 'USD', amount: 1000, fee: 59 }),
    );
    await expectPgError(
      query(`DELETE FROM ledger_lines WHERE balance_transaction_id = $1 AND account = 'platform_fees'`, [
        balanceTransactionId,
      ]),
      { code: PG.CHECK, constraint: 'ledger_lines_balanced' },
    );
  });
});
