import { toPublicId } from '@/lib/api/object-id';
import { findCustomerEmails } from '@/lib/customers/repository';
import type { DbTx } from '@/lib/db/client';
import { cardSummaries, type CardSummary } from '@/lib/vault';
import { pageDashboardPayments, type DashboardStatus, type Scope } from '../repository';
import { displayStatus, type DisplayStatus } from './display-status';

/**
 * Dashboard → Payments (and a customer's payments): one mode's payments,
 * newest first, PAYMENTS_PAGE_SIZE at a time, keyed by payment rather than
 * offset. A page costs three queries whatever its size: the payments, their
 * customers' emails, their cards' brand and last four.
 */
export const PAYMENTS_PAGE_SIZE = 50;

export interface PaymentListFilter {
  status?: DashboardStatus;
  customerId?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  until?: Date;
}

/** A payment (its UUID) and which way to walk from it. */
export interface PaymentCursor {
  id: string;
  direction: 'older' | 'newer';
}

export interface PaymentSummary {
  id: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  status: DisplayStatus;
  description: string | null;
  customer: { id: string; email: string | null } | null;
  card: Pick<CardSummary, 'brand' | 'last4'> | null;
  created: Date;
}

export interface PaymentListPage {
  rows: PaymentSummary[];
  /** Public id of the last row, when there are older payments. */
  olderThan: string | null;
  /** Public id of the first row, when there are newer payments. */
  newerThan: string | null;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Null when the cursor is not a payment of this merchant and mode that the filter admits. */
export async function listPaymentsForDashboard(
  tx: DbTx,
  scope: Scope,
  filter: PaymentListFilter,
  cursor: PaymentCursor | null = null,
  limit = PAYMENTS_PAGE_SIZE,
): Promise<PaymentListPage | null> {
  const created =
    filter.from || filter.until
      ? {
          ...(filter.from ? { gte: seconds(filter.from) } : {}),
          ...(filter.until ? { lt: seconds(filter.until) } : {}),
        }
      : undefined;
  const result = await pageDashboardPayments(
    tx,
    scope,
    { status: filter.status, customerId: filter.customerId, created },
    {
      limit,
      cursor: cursor && { id: cursor.id, direction: cursor.direction === 'older' ? 'after' : 'before' },
    },
  );
  if (!result) return null;
  const { rows, hasMore } = result;
  const customerIds = [...new Set(rows.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const tokens = rows.flatMap((r) => (r.paymentMethodToken ? [r.paymentMethodToken] : []));
  const [customers, cards] = await Promise.all([
    findCustomerEmails(tx, scope, customerIds),
    cardSummaries(tx, scope, tokens),
  ]);
  const emails = new Map(customers.map((c) => [c.id, c.email]));
  const summaries = rows.map((r): PaymentSummary => {
    const card = r.paymentMethodToken ? cards.get(r.paymentMethodToken) : undefined;
    return {
      id: toPublicId('pi', r.id),
      amount: Number(r.amount),
      amountRefunded: Number(r.amountRefunded),
      currency: r.currency,
      status: displayStatus(r),
      description: r.description,
      customer: r.customerId
        ? { id: toPublicId('cus', r.customerId), email: emails.get(r.customerId) ?? null }
        : null,
      card: card ? { brand: card.brand, last4: card.last4 } : null,
      created: r.createdAt,
    };
  });
  // `hasMore` answers for the direction walked. The other side is known
  // without a query: the cursor's own payment lies there, and the filter admits it.
  const hasOlder = cursor?.direction === 'newer' ? true : hasMore;
  const hasNewer = cursor === null ? false : cursor.direction === 'older' ? true : hasMore;
  return {
    rows: summaries,
    olderThan: hasOlder ? (summaries.at(-1)?.id ?? null) : null,
    newerThan: hasNewer ? (summaries[0]?.id ?? null) : null,
  };
}
