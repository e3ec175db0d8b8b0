import { previousAttributes } from '@/lib/events/previous-attributes';
import { recordEvent } from '@/lib/events/record-event';
import type { RequestInfo } from '@/lib/payments/confirm-payment-intent';
import { refundObject } from './refund-object';
import { mergeMetadata } from '@/lib/api/params';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from '@/lib/payments/repository';
import { findRefund, updateRefundRow } from './repository';
import type { UpdateRefundParams } from './schemas';

/** Only metadata changes after a refund is made, as at Stripe. Null: no such refund. */
export async function updateRefund(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: UpdateRefundParams,
  request: RequestInfo,
) {
  const row = await findRefund(tx, scope, id);
  if (!row) return null;
  const updated = await updateRefundRow(tx, row.id, {
    metadata: mergeMetadata(row.metadata as Record<string, string>, params.metadata),
  });
  const object = refundObject(updated);
  const previous = previousAttributes({ ...refundObject(row) }, { ...object });
  // Stripe announces only an actual change.
  if (previous)
    await recordEvent(tx, scope, {
      type: 'refund.updated',
      object,
      previousAttributes: previous,
      ...request,
    });
  return updated;
}
