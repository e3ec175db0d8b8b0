import { mergeMetadata } from '@/lib/api/params';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from '@/lib/payments/repository';
import { findRefund, updateRefundRow } from './repository';
import type { UpdateRefundParams } from './schemas';

/** Only metadata changes after a refund is made, as at Stripe. Null: no such refund. */
export async function updateRefund(tx: DbTx, scope: Scope, id: string, params: UpdateRefundParams) {
  const row = await findRefund(tx, scope, id);
  if (!row) return null;
  return updateRefundRow(tx, row.id, {
    metadata: mergeMetadata(row.metadata as Record<string, string>, params.metadata),
  });
}
