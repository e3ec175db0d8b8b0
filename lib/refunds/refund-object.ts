import { toPublicId } from '@/lib/api/object-id';
import type { RefundRow } from './repository';
import type { RefundObject } from './schemas';

export function refundObject(row: RefundRow): RefundObject {
  return {
    id: toPublicId('re', row.id),
    object: 'refund',
    amount: Number(row.amount),
    charge: toPublicId('ch', row.transactionId),
    created: Math.floor((row.createdAt ?? new Date(0)).getTime() / 1000),
    currency: row.currency.toLowerCase(),
    failure_reason: row.failureReason,
    metadata: row.metadata as Record<string, string>,
    payment_intent: toPublicId('pi', row.transactionId),
    reason: row.reason,
    receipt_number: null,
    status: row.status === 'cancelled' ? 'canceled' : (row.status as RefundObject['status']),
  };
}
