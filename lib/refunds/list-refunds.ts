import { resourceMissing } from '@/lib/api/errors';
import type { PageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from '@/lib/payments/repository';
import { refundObject } from './refund-object';
import { pageRefunds } from './repository';
import type { ListRefundsParams } from './schemas';

/** Null when the cursor is not one of this merchant's refunds. */
export async function listRefunds(tx: DbTx, scope: Scope, params: ListRefundsParams, page: PageRequest) {
  let paymentId: string | undefined;
  if (params.payment_intent !== undefined) {
    paymentId = fromPublicId('pi', params.payment_intent) ?? undefined;
    if (!paymentId) throw resourceMissing('payment_intent', params.payment_intent, 'payment_intent');
  } else if (params.charge !== undefined) {
    paymentId = fromPublicId('ch', params.charge) ?? undefined;
    if (!paymentId) throw resourceMissing('charge', params.charge, 'charge');
  }
  const result = await pageRefunds(tx, scope, { paymentId, created: params.created }, page);
  if (!result) return null;
  return { data: result.rows.map(refundObject), hasMore: result.hasMore };
}
