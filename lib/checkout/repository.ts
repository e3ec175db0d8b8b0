import { createdCondition, inOrder, pageIds, type PageRequest } from '@/lib/api/list';
import type { TimestampRange } from '@/lib/api/params';
import type { DbTx } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type { CheckoutLineItem, CheckoutSession } from '@/lib/db/generated/client';

/**
 * The only code that queries `checkout_sessions` and `checkout_line_items`.
 * Every function takes the merchant and the mode, except the two the public
 * page needs to find whose session an id is (sessionScope) — the session id
 * itself is the customer's credential there, as at Stripe.
 */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export type SessionRow = CheckoutSession;
export type LineItemRow = CheckoutLineItem;

export function insertSession(
  tx: DbTx,
  data: Prisma.CheckoutSessionUncheckedCreateInput,
): Promise<SessionRow> {
  return tx.checkoutSession.create({ data });
}

export async function insertLineItems(
  tx: DbTx,
  items: Prisma.CheckoutLineItemUncheckedCreateInput[],
): Promise<void> {
  await tx.checkoutLineItem.createMany({ data: items });
}

export function findSession(tx: DbTx, scope: Scope, id: string): Promise<SessionRow | null> {
  return tx.checkoutSession.findFirst({
    where: { id, merchantId: scope.merchantId, livemode: scope.livemode },
  });
}

/**
 * The session, locked until the transaction ends. Every state change (pay,
 * 3-D Secure completion, expire) takes this lock first, so a double-click,
 * a refresh and the expiry worker serialize on it.
 */
export async function lockSession(tx: DbTx, scope: Scope, id: string): Promise<SessionRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM checkout_sessions
    WHERE id = ${id}::uuid AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
    FOR UPDATE`;
  return rows.length ? findSession(tx, scope, id) : null;
}

/** Whose session this is (the public page knows only the id and its mode). */
export async function sessionScope(tx: DbTx, id: string, livemode: boolean): Promise<Scope | null> {
  const row = await tx.checkoutSession.findFirst({ where: { id, livemode }, select: { merchantId: true } });
  return row ? { merchantId: row.merchantId, livemode } : null;
}

/** The session that created this payment, if any, locked. */
export async function lockSessionByPayment(
  tx: DbTx,
  scope: Scope,
  paymentId: string,
): Promise<SessionRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM checkout_sessions
    WHERE payment_id = ${paymentId}::uuid AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
    FOR UPDATE`;
  return rows.length ? findSession(tx, scope, rows[0]!.id) : null;
}

export function findSessionByPayment(tx: DbTx, scope: Scope, paymentId: string): Promise<SessionRow | null> {
  return tx.checkoutSession.findFirst({
    where: { paymentId, merchantId: scope.merchantId, livemode: scope.livemode },
  });
}

export function updateSession(
  tx: DbTx,
  row: Pick<SessionRow, 'id'>,
  data: Prisma.CheckoutSessionUncheckedUpdateInput,
): Promise<SessionRow> {
  return tx.checkoutSession.update({ where: { id: row.id }, data });
}

export function lineItemsOf(tx: DbTx, sessionId: string): Promise<LineItemRow[]> {
  return tx.checkoutLineItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
}

/**
 * A page of a session's line items, in their order. The session must be this
 * scope's (checked by the caller with findSession). Cursors are line item ids
 * of the same session; null when the cursor is not one of them.
 */
export async function pageLineItems(
  tx: DbTx,
  sessionId: string,
  page: PageRequest,
): Promise<{ rows: LineItemRow[]; hasMore: boolean } | null> {
  const limit = page.limit ?? 10;
  let after = -1;
  let before: number | null = null;
  if (page.cursor) {
    const cursor = await tx.checkoutLineItem.findFirst({ where: { id: page.cursor.id, sessionId } });
    if (!cursor) return null;
    if (page.cursor.direction === 'after') after = cursor.position;
    else before = cursor.position;
  }
  if (before !== null) {
    const rows = await tx.checkoutLineItem.findMany({
      where: { sessionId, position: { lt: before } },
      orderBy: { position: 'desc' },
      take: limit + 1,
    });
    return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
  }
  const rows = await tx.checkoutLineItem.findMany({
    where: { sessionId, position: { gt: after } },
    orderBy: { position: 'asc' },
    take: limit + 1,
  });
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export interface SessionFilter {
  created?: TimestampRange;
  customerId?: string;
  paymentId?: string;
  status?: 'open' | 'complete' | 'expired';
}

export async function pageSessions(tx: DbTx, scope: Scope, filter: SessionFilter, page: PageRequest) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    ...(filter.customerId !== undefined ? [Prisma.sql`customer_id = ${filter.customerId}::uuid`] : []),
    ...(filter.paymentId !== undefined ? [Prisma.sql`payment_id = ${filter.paymentId}::uuid`] : []),
    ...(filter.status !== undefined ? [Prisma.sql`status = ${filter.status}`] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('checkout_sessions'), conditions, page);
  if (!result) return null;
  const rows = await tx.checkoutSession.findMany({
    where: { id: { in: result.ids }, merchantId: scope.merchantId, livemode: scope.livemode },
  });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}

/**
 * Open sessions past their expiry, locked; rows another sweep (or a payment in
 * progress) holds are skipped and picked up by the next run.
 */
export function lockDueSessions(tx: DbTx, now: Date, limit: number) {
  return tx.$queryRaw<{ id: string; merchantId: string; livemode: boolean }[]>`
    SELECT id::text AS id, merchant_id::text AS "merchantId", livemode FROM checkout_sessions
    WHERE status = 'open' AND expires_at <= ${now}
    ORDER BY expires_at
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}
