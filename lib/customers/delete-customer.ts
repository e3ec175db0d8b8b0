import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { deletedCustomerObject } from './customer-object';
import { lockCustomer, markCustomerDeleted, type Scope } from './repository';

/** Null: no such customer (deleting twice is "No such customer", as at Stripe). */
export async function deleteCustomer(tx: DbTx, scope: Scope, id: string) {
  const row = await lockCustomer(tx, scope, id);
  if (!row) return null;
  return deletedCustomerObject(await markCustomerDeleted(tx, row.id, clock.now()));
}
