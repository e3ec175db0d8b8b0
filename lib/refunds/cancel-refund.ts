import { invalidRequest } from '@/lib/api/errors';
import { toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import type { RequestInfo } from '@/lib/payments/confirm-payment-intent';
import type { Scope } from '@/lib/payments/repository';
import { refundObject } from './refund-object';
import { findRefund, updateRefundRow } from './repository';

/**
 * Stripe's refund cancel: only a refund still `pending` can be canceled (its
 * money has not moved, so there is nothing to post). Card refunds through the
 * sandbox gateways complete at once, so for them this answers that the refund
 * is already final. Null: no such refund.
 */
export async function cancelRefund(tx: DbTx, scope: Scope, id: string, request: RequestInfo) {
  const row = await findRefund(tx, scope, id);
  if (!row) return null;
  if (row.status !== 'pending') {
    throw invalidRequest(
      `Refund ${toPublicId('re', row.id)} cannot be canceled because it has a status of ${refundObject(row).status}. Only pending refunds can be canceled.`,
      { code: 'refund_not_cancelable' },
    );
  }
  const canceled = await updateRefundRow(tx, row.id, { status: 'cancelled' });
  await recordEvent(tx, scope, {
    type: 'refund.updated',
    object: refundObject(canceled),
    previousAttributes: { status: refundObject(row).status },
    ...request,
  });
  return canceled;
}
