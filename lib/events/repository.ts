import type { DbTx } from '@/lib/db/client';
import type { EventScope } from './record-event';

/**
 * Reads of the `events` outbox for the dashboard (record-event.ts writes it).
 * Every function takes the merchant and the mode.
 */
export interface ObjectEventRow {
  id: string;
  type: string;
  createdAt: Date;
}

/**
 * The events about one PaymentIntent (`pi_…`), oldest first: those whose
 * object is the intent, and those whose object names it (`refund.*`). The
 * expression matches idx_events_merchant_payment
 * (migration 20261121054000_events_object_index).
 */
export function listPaymentEvents(
  tx: DbTx,
  scope: EventScope,
  paymentIntentId: string,
  limit = 100,
): Promise<ObjectEventRow[]> {
  return tx.$queryRaw<ObjectEventRow[]>`
    SELECT id::text AS id, type, created_at AS "createdAt" FROM events
    WHERE merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
      AND COALESCE(data -> 'object' ->> 'payment_intent', data -> 'object' ->> 'id') = ${paymentIntentId}
    ORDER BY created_at ASC, id ASC
    LIMIT ${limit}`;
}
