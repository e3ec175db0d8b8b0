import type { DbTx } from '@/lib/db/client';
import type { Scope } from './accounts';
import { balanceTransactionObjectOf } from './balance-transaction-object';
import { findBalanceTransaction } from './repository';

/** Another merchant's or mode's balance transaction is simply not found. */
export async function getBalanceTransaction(tx: DbTx, scope: Scope, id: string) {
  const row = await findBalanceTransaction(tx, scope, id);
  return row ? balanceTransactionObjectOf(row) : null;
}
