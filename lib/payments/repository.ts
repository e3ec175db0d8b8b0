import { Prisma } from '@/lib/db/generated/client';
import type { Transaction } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { createdCondition, inOrder, pageIds, type PageRequest } from '@/lib/api/list';
import type { TimestampRange } from '@/lib/api/params';

/**
 * The only code that queries `transactions` for the API. Every function takes
 * the merchant and the mode; another merchant's payment is simply not found.
 * The table is partitioned by month on created_at: rows are addressed by
 * (id, created_at) once found.
 */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export type PaymentRow = Transaction;

export function findPayment(tx: DbTx, scope: Scope, id: string): Promise<PaymentRow | null> {
  return tx.transaction.findFirst({ where: { id, merchantId: scope.merchantId, livemode: scope.livemode } });
}

/**
 * The payment, locked until the transaction ends. Every state change (confirm,
 * capture, cancel, refund) takes this lock first, so caps such as
 * "refunds ≤ captured" are checked and written without a race.
 */
export async function lockPayment(tx: DbTx, scope: Scope, id: string): Promise<PaymentRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM transactions
    WHERE id = ${id}::uuid AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
    FOR UPDATE`;
  if (rows.length === 0) return null;
  return findPayment(tx, scope, id);
}

export function insertPayment(tx: DbTx, data: Prisma.TransactionUncheckedCreateInput): Promise<PaymentRow> {
  return tx.transaction.create({ data });
}

export function updatePayment(
  tx: DbTx,
  row: Pick<PaymentRow, 'id' | 'createdAt'>,
  data: Prisma.TransactionUncheckedUpdateInput,
): Promise<PaymentRow> {
  return tx.transaction.update({ where: { id_createdAt: { id: row.id, createdAt: row.createdAt } }, data });
}

export interface PaymentFilter {
  customerId?: string;
  paymentId?: string;
  /** Only payments that have a charge (hasCharge). */
  charged?: boolean;
  created?: TimestampRange;
}

/**
 * A payment has a charge once it was sent for authorization: an attempt was
 * made, or (seeded history, which records no attempts) it ended anywhere but
 * still pending or canceled before any attempt.
 */
const CHARGED_SQL = Prisma.sql`(attempts > 0 OR status NOT IN ('pending', 'cancelled'))`;

export function hasCharge(row: Pick<PaymentRow, 'attempts' | 'status'>): boolean {
  return row.attempts > 0 || (row.status !== 'pending' && row.status !== 'cancelled');
}

export async function pagePayments(tx: DbTx, scope: Scope, filter: PaymentFilter, page: PageRequest) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    ...(filter.customerId !== undefined ? [Prisma.sql`customer_id = ${filter.customerId}::uuid`] : []),
    ...(filter.paymentId !== undefined ? [Prisma.sql`id = ${filter.paymentId}::uuid`] : []),
    ...(filter.charged ? [CHARGED_SQL] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('transactions'), conditions, page);
  if (!result) return null;
  const rows = await tx.transaction.findMany({
    where: { id: { in: result.ids }, merchantId: scope.merchantId },
  });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}

/**
 * The dashboard's status filter, in Stripe's words. `succeeded` leaves out the
 * fully refunded payments, which have their own filter (as in Stripe's
 * dashboard); `requires_payment_method` includes declined payments (seed
 * status `failed`), which at Stripe wait for another payment method.
 */
export const DASHBOARD_STATUSES = [
  'succeeded',
  'refunded',
  'requires_capture',
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'canceled',
] as const;
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number];

const STATUS_SQL: Record<DashboardStatus, Prisma.Sql> = {
  succeeded: Prisma.sql`status IN ('succeeded', 'captured', 'disputed')`,
  refunded: Prisma.sql`status = 'refunded'`,
  requires_capture: Prisma.sql`status = 'authorized'`,
  requires_payment_method: Prisma.sql`(status = 'failed' OR (status = 'pending' AND payment_method_token IS NULL))`,
  requires_confirmation: Prisma.sql`(status = 'pending' AND payment_method_token IS NOT NULL AND next_action IS NULL)`,
  requires_action: Prisma.sql`(status = 'pending' AND next_action IS NOT NULL)`,
  canceled: Prisma.sql`status = 'cancelled'`,
};

export interface DashboardPaymentFilter extends PaymentFilter {
  status?: DashboardStatus;
}

/**
 * Dashboard → Payments: pagePayments plus a status filter. Walks
 * idx_transactions_merchant_mode_created like the API list; the status is a
 * filter on those rows, not an index.
 */
export async function pageDashboardPayments(
  tx: DbTx,
  scope: Scope,
  filter: DashboardPaymentFilter,
  page: PageRequest,
) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    ...(filter.customerId !== undefined ? [Prisma.sql`customer_id = ${filter.customerId}::uuid`] : []),
    ...(filter.status !== undefined ? [STATUS_SQL[filter.status]] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('transactions'), conditions, page);
  if (!result) return null;
  const rows = await tx.transaction.findMany({
    where: { id: { in: result.ids }, merchantId: scope.merchantId, livemode: scope.livemode },
  });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}

/**
 * Whose payment this is, for the 3-D Secure challenge page, which has no API
 * key: the caller must then prove it may act on it (the page's token,
 * lib/payments/authentication-url.ts) before using the scope.
 */
export async function paymentScope(tx: DbTx, id: string): Promise<Scope | null> {
  const row = await tx.transaction.findFirst({ where: { id }, select: { merchantId: true, livemode: true } });
  return row ? { merchantId: row.merchantId, livemode: row.livemode } : null;
}
