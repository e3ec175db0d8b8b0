import type { PageRequest } from '@/lib/api/list';
import { filterId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { expandPaymentIntent } from './payment-intent-object';
import { pagePayments, type Scope } from './repository';
import type { ListPaymentIntentsParams } from './schemas';

/** Null when the cursor is not one of this merchant's payments. */
export async function listPaymentIntents(
  tx: DbTx,
  scope: Scope,
  params: ListPaymentIntentsParams,
  page: PageRequest,
) {
  const customerId = filterId('cus', params.customer, 'customer', 'customer');
  const result = await pagePayments(tx, scope, { customerId, created: params.created }, page);
  if (!result) return null;
  const data = [];
  for (const row of result.rows) data.push(await expandPaymentIntent(tx, scope, row, params.expand));
  return { data, hasMore: result.hasMore };
}
