import type { DbTx } from '@/lib/db/client';
import type { PageRequest } from '@/lib/api/list';
import { customerObject } from './customer-object';
import { pageCustomers, type Scope } from './repository';
import type { ListCustomersParams } from './schemas';

/** Null when the cursor is not one of this merchant's customers. */
export async function listCustomers(tx: DbTx, scope: Scope, params: ListCustomersParams, page: PageRequest) {
  const result = await pageCustomers(tx, scope, { email: params.email, created: params.created }, page);
  if (!result) return null;
  return { data: result.rows.map(customerObject), hasMore: result.hasMore };
}
