import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { NO_REQUEST, recordEvent, type EventRequest } from '@/lib/events/record-event';
import { customerObject, deletedCustomerObject } from './customer-object';
import { lockCustomer, markCustomerDeleted, type Scope } from './repository';

/** Null: no such customer (deleting twice is "No such customer", as at Stripe). */
export async function deleteCustomer(tx: DbTx, scope: Scope, id: string, request: EventRequest = NO_REQUEST) {
  const row = await lockCustomer(tx, scope, id);
  if (!row) return null;
  // Stripe's customer.deleted carries the customer as it was, not the stub.
  const object = customerObject(row);
  const deleted = deletedCustomerObject(await markCustomerDeleted(tx, row.id, clock.now()));
  await recordEvent(tx, scope, { type: 'customer.deleted', object: { ...object }, ...request });
  return deleted;
}
