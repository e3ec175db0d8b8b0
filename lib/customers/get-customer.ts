import type { DbTx } from '@/lib/db/client';
import { customerObject, deletedCustomerObject } from './customer-object';
import { findCustomer, type Scope } from './repository';

/** A deleted customer is still retrievable, as `{ id, object, deleted: true }`. */
export async function getCustomer(tx: DbTx, scope: Scope, id: string) {
  const row = await findCustomer(tx, scope, id);
  if (!row) return null;
  return row.deletedAt ? deletedCustomerObject(row) : customerObject(row);
}
