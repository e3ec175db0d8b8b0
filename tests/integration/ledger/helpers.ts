import { expect } from 'vitest';
import { one, query } from '@/tests/helpers/fixtures';

/** The ledger's invariants for every merchant, mode and currency, as the database sees them. */
export async function expectLedgerConsistent(): Promise<void> {
  const unbalanced = await query(
    `SELECT balance_transaction_id, sum(amount)::text AS total FROM ledger_lines
      GROUP BY balance_transaction_id HAVING sum(amount) <> 0`,
  );
  expect(unbalanced).toEqual([]);
  const mismatched = await query(
    `WITH sums AS (
       SELECT merchant_id, livemode, currency,
              coalesce(sum(amount) FILTER (WHERE account = 'merchant_available'), 0) AS available,
              coalesce(sum(amount) FILTER (WHERE account = 'merchant_pending'), 0) AS pending
         FROM ledger_lines GROUP BY merchant_id, livemode, currency)
     SELECT coalesce(s.merchant_id, b.merchant_id) AS merchant_id, coalesce(s.currency, b.currency) AS currency,
            s.available::text AS line_available, b.available_balance::text AS available_balance,
            s.pending::text AS line_pending, b.pending_balance::text AS pending_balance
       FROM sums s FULL JOIN merchant_balances b USING (merchant_id, livemode, currency)
      WHERE coalesce(s.available, 0) <> coalesce(b.available_balance, 0)
         OR coalesce(s.pending, 0) <> coalesce(b.pending_balance, 0)`,
  );
  expect(mismatched).toEqual([]);
}

export async function balanceOf(merchantId: string, currency = 'USD', livemode = false) {
  const rows = await query<{ available: string; pending: string }>(
    `SELECT available_balance::text AS available, pending_balance::text AS pending FROM merchant_balances
      WHERE merchant_id = $1 AND livemode = $2 AND currency = $3`,
    [merchantId, livemode, currency],
  );
  return rows[0] ? { available: Number(rows[0].available), pending: Number(rows[0].pending) } : null;
}

export async function linesOf(balanceTransactionId: string) {
  return query<{ account: string; amount: string }>(
    `SELECT account, amount::text AS amount FROM ledger_lines WHERE balance_transaction_id = $1
      ORDER BY account, amount`,
    [balanceTransactionId],
  );
}

export async function balanceTransaction(id: string) {
  return one(
    `SELECT type, amount::text AS amount, fee::text AS fee, net::text AS net, status, source_type, source_id
       FROM balance_transactions WHERE id = $1`,
    [id],
  );
}
