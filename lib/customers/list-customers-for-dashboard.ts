import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { pageCustomersByEmailPrefix, type Scope } from './repository';

/**
 * Dashboard → Customers: one mode's customers, newest first, optionally
 * those whose email starts with what was typed. Only the plain columns are
 * read: the list decrypts nothing.
 */
export const CUSTOMERS_PAGE_SIZE = 50;

export interface CustomerSummary {
  id: string;
  email: string | null;
  description: string | null;
  created: Date | null;
}

export interface CustomerListPage {
  rows: CustomerSummary[];
  olderThan: string | null;
  newerThan: string | null;
}

/** `after` / `before` are public ids (cus_…); null when the cursor is not this merchant's customer. */
export async function listCustomersForDashboard(
  tx: DbTx,
  scope: Scope,
  filter: { emailPrefix?: string },
  cursor: { id: string; direction: 'older' | 'newer' } | null = null,
): Promise<CustomerListPage | null> {
  const cursorId = cursor ? fromPublicId('cus', cursor.id) : null;
  if (cursor && !cursorId) return null;
  const result = await pageCustomersByEmailPrefix(tx, scope, filter.emailPrefix, {
    limit: CUSTOMERS_PAGE_SIZE,
    cursor:
      cursor && cursorId
        ? { id: cursorId, direction: cursor.direction === 'older' ? 'after' : 'before' }
        : null,
  });
  if (!result) return null;
  const rows = result.rows.map((r) => ({
    id: toPublicId('cus', r.id),
    email: r.email,
    description: r.description,
    created: r.createdAt,
  }));
  // As for payments: the cursor's own customer lies on the side not walked.
  const hasOlder = cursor?.direction === 'newer' ? true : result.hasMore;
  const hasNewer = cursor === null ? false : cursor.direction === 'older' ? true : result.hasMore;
  return {
    rows,
    olderThan: hasOlder ? (rows.at(-1)?.id ?? null) : null,
    newerThan: hasNewer ? (rows[0]?.id ?? null) : null,
  };
}
