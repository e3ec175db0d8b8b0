import { resourceMissing } from '@/lib/api/errors';
import { toPublicId } from '@/lib/api/object-id';
import { findCustomer } from '@/lib/customers/repository';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from './types';

/** A live customer of this merchant and mode, or "No such customer" (param `customer`). */
export async function requireCustomer(
  tx: DbTx,
  scope: Scope,
  customerId: string,
  shownAs?: string,
): Promise<void> {
  const row = await findCustomer(tx, scope, customerId);
  if (!row || row.deletedAt)
    throw resourceMissing('customer', shownAs ?? toPublicId('cus', customerId), 'customer');
}
