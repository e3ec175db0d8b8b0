import type { PageRequest } from '@/lib/api/list';
import { filterId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from '@/lib/payments/repository';
import { refundObject } from './refund-object';
import { pageRefunds } from './repository';
import type { ListRefundsParams } from './schemas';

/** Null when the cursor is not one of this merchant's refunds. */
export async function listRefunds(tx: DbTx, scope: Scope, params: ListRefundsParams, page: PageRequest) {
  const paymentId =
    params.payment_intent !== undefined
      ? filterId('pi', params.payment_intent, 'payment_intent', 'payment_intent')
      : filterId('ch', params.charge, 'charge', 'charge');
  const result = await pageRefunds(tx, scope, { paymentId, created: params.created }, page);
  if (!result) return null;
  return { data: result.rows.map(refundObject), hasMore: result.hasMore };
}
