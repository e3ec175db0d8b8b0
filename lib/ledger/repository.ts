import { randomUUID } from 'node:crypto';
import { Prisma } from '@/lib/db/generated/client';
import type { BalanceTransaction } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { createdCondition, inOrder, pageIds, type PageRequest } from '@/lib/api/list';
import type { TimestampRange } from '@/lib/api/params';
import {
  BALANCE_COLUMN,
  type BalanceTransactionType,
  type Line,
  type Scope,
  type SourceType,
} from './accounts';

/**
 * The only code that queries balance_transactions, ledger_lines and
 * merchant_balances. Writes run inside the caller's transaction: an entry's
 * balance transaction, its lines and the balance they move commit together or
 * not at all, and the deferred trigger ledger_lines_balanced refuses the
 * commit if the lines do not sum to zero.
 */
export interface NewBalanceTransaction {
  type: BalanceTransactionType;
  currency: string;
  amount: number;
  fee: number;
  status: 'pending' | 'available';
  availableOn: Date;
  sourceType: SourceType | null;
  sourceId: string | null;
  description: string | null;
  createdAt: Date;
}

export async function insertBalanceTransaction(
  tx: DbTx,
  scope: Scope,
  bt: NewBalanceTransaction,
): Promise<string> {
  const id = randomUUID();
  await tx.$executeRaw`
    INSERT INTO balance_transactions
      (id, merchant_id, livemode, currency, type, amount, fee, net, status, available_on,
       source_type, source_id, description, created_at)
    VALUES (${id}::uuid, ${scope.merchantId}::uuid, ${scope.livemode}, ${bt.currency}, ${bt.type},
            ${bt.amount}, ${bt.fee}, ${bt.amount - bt.fee}, ${bt.status}, ${bt.availableOn},
            ${bt.sourceType}, ${bt.sourceId}::uuid, ${bt.description}, ${bt.createdAt})`;
  return id;
}

/**
 * Writes lines of one balance transaction and moves merchant_balances by what
 * the merchant accounts received, in one upsert: the balance row is created or
 * locked and changed by a single statement, so concurrent entries queue on it
 * and none is lost.
 */
export async function writeLines(
  tx: DbTx,
  scope: Scope,
  balanceTransactionId: string,
  currency: string,
  lines: readonly Line[],
  at: Date,
): Promise<void> {
  const kept = lines.filter((l) => l.amount !== 0);
  if (kept.length === 0) return;
  const values = kept.map(
    (l) => Prisma.sql`(${randomUUID()}::uuid, ${balanceTransactionId}::uuid, ${scope.merchantId}::uuid,
      ${scope.livemode}, ${currency}, ${l.account}, ${l.amount}, ${at})`,
  );
  await tx.$executeRaw`
    INSERT INTO ledger_lines (id, balance_transaction_id, merchant_id, livemode, currency, account, amount, created_at)
    VALUES ${Prisma.join(values)}`;
  await moveBalance(tx, scope, currency, balanceDeltas(kept));
}

/**
 * Lines of many entries in one INSERT, without touching balances (the caller
 * moves them per balance row). Zero lines are dropped.
 */
export async function writeLinesBatch(
  tx: DbTx,
  lines: readonly { entry: DueEntry; account: Line['account']; amount: number }[],
  at: Date,
): Promise<void> {
  const kept = lines.filter((l) => l.amount !== 0);
  if (kept.length === 0) return;
  const values = kept.map(
    (l) => Prisma.sql`(${randomUUID()}::uuid, ${l.entry.id}::uuid, ${l.entry.merchantId}::uuid,
      ${l.entry.livemode}, ${l.entry.currency}, ${l.account}, ${l.amount}, ${at})`,
  );
  await tx.$executeRaw`
    INSERT INTO ledger_lines (id, balance_transaction_id, merchant_id, livemode, currency, account, amount, created_at)
    VALUES ${Prisma.join(values)}`;
}

export interface BalanceDelta {
  available: number;
  pending: number;
}

export function balanceDeltas(lines: readonly Line[]): BalanceDelta {
  const delta = { available: 0, pending: 0 };
  for (const l of lines) {
    const column = BALANCE_COLUMN[l.account as keyof typeof BALANCE_COLUMN] as string | undefined;
    if (column === 'available_balance') delta.available += l.amount;
    if (column === 'pending_balance') delta.pending += l.amount;
  }
  return delta;
}

export async function moveBalance(
  tx: DbTx,
  scope: Scope,
  currency: string,
  delta: BalanceDelta,
): Promise<void> {
  if (delta.available === 0 && delta.pending === 0) return;
  await tx.$executeRaw`
    INSERT INTO merchant_balances (merchant_id, livemode, currency, available_balance, pending_balance)
    VALUES (${scope.merchantId}::uuid, ${scope.livemode}, ${currency}, ${delta.available}, ${delta.pending})
    ON CONFLICT (merchant_id, livemode, currency) DO UPDATE SET
      available_balance = merchant_balances.available_balance + EXCLUDED.available_balance,
      pending_balance   = merchant_balances.pending_balance + EXCLUDED.pending_balance`;
}

export interface DueEntry {
  id: string;
  merchantId: string;
  livemode: boolean;
  currency: string;
  net: bigint;
}

/**
 * Pending balance transactions due by `now`, locked; SKIP LOCKED lets two
 * workers release different batches instead of queueing on the same rows.
 */
export function lockDueEntries(tx: DbTx, now: Date, limit: number): Promise<DueEntry[]> {
  return tx.$queryRaw<DueEntry[]>`
    SELECT id::text AS id, merchant_id::text AS "merchantId", livemode, currency, net
    FROM balance_transactions
    WHERE status = 'pending' AND available_on <= ${now}
    ORDER BY available_on, id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

export async function markAvailable(tx: DbTx, ids: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE balance_transactions SET status = 'available' WHERE id = ANY(${ids}::uuid[]) AND status = 'pending'`;
}

export interface BalanceRow {
  currency: string;
  availableBalance: bigint;
  pendingBalance: bigint;
}

export function balanceRows(tx: DbTx, scope: Scope): Promise<BalanceRow[]> {
  return tx.merchantBalance.findMany({
    where: { merchantId: scope.merchantId, livemode: scope.livemode },
    select: { currency: true, availableBalance: true, pendingBalance: true },
    orderBy: { currency: 'asc' },
  });
}

export async function merchantCurrency(tx: DbTx, merchantId: string): Promise<string | null> {
  const m = await tx.merchant.findUnique({ where: { id: merchantId }, select: { currency: true } });
  return m?.currency ?? null;
}

export function findBalanceTransaction(
  tx: DbTx,
  scope: Scope,
  id: string,
): Promise<BalanceTransaction | null> {
  return tx.balanceTransaction.findFirst({
    where: { id, merchantId: scope.merchantId, livemode: scope.livemode },
  });
}

export interface BalanceTransactionFilter {
  type?: BalanceTransactionType;
  /** The source's UUID, or false for a source that cannot exist (matches nothing). */
  sourceId?: string | false;
  currency?: string;
  created?: TimestampRange;
}

export async function pageBalanceTransactions(
  tx: DbTx,
  scope: Scope,
  filter: BalanceTransactionFilter,
  page: PageRequest,
) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    ...(filter.type !== undefined ? [Prisma.sql`type = ${filter.type}`] : []),
    ...(filter.sourceId === false ? [Prisma.sql`false`] : []),
    ...(typeof filter.sourceId === 'string' ? [Prisma.sql`source_id = ${filter.sourceId}::uuid`] : []),
    ...(filter.currency !== undefined ? [Prisma.sql`currency = ${filter.currency}`] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('balance_transactions'), conditions, page);
  if (!result) return null;
  const rows = await tx.balanceTransaction.findMany({ where: { id: { in: result.ids } } });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}
