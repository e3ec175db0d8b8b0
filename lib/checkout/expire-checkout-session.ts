import { invalidRequest } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import type { RequestInfo } from '@/lib/payments/confirm-payment-intent';
import { findPayment } from '@/lib/payments/repository';
import { allows, statusOfPayment } from '@/lib/payments/status';
import { checkoutSessionObject } from './checkout-session-object';
import { lockSession, updateSession, type Scope, type SessionRow } from './repository';

const NO_REQUEST: RequestInfo = { requestId: null, idempotencyKey: null };

/**
 * Expires a session the caller has locked (lockSession): status `expired`,
 * its still-unpaid PaymentIntent canceled (`abandoned`), and
 * `checkout.session.expired` recorded, all in the caller's transaction.
 * Used by the API, the worker's sweep and the page (a session whose time has
 * passed before the sweep reached it).
 */
export async function expireLockedSession(
  tx: DbTx,
  scope: Scope,
  row: SessionRow,
  request: RequestInfo = NO_REQUEST,
): Promise<SessionRow> {
  if (row.paymentId) {
    const payment = await findPayment(tx, scope, row.paymentId);
    if (
      payment &&
      allows('cancel', statusOfPayment(payment)) &&
      statusOfPayment(payment) !== 'requires_capture'
    ) {
      await cancelPaymentIntent(tx, scope, payment.id, { cancellation_reason: 'abandoned' }, request);
    }
  }
  const now = clock.now();
  const expired = await updateSession(tx, row, { status: 'expired', expiredAt: now, updatedAt: now });
  await recordEvent(tx, scope, {
    type: 'checkout.session.expired',
    object: await checkoutSessionObject(tx, scope, expired),
    ...request,
  });
  return expired;
}

/** POST /v1/checkout/sessions/:id/expire. Null: no such session. */
export async function expireCheckoutSession(
  tx: DbTx,
  scope: Scope,
  id: string,
  request: RequestInfo,
): Promise<SessionRow | null> {
  const row = await lockSession(tx, scope, id);
  if (!row) return null;
  if (row.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of ${row.status}.`,
      { code: 'checkout_session_not_open' },
    );
  }
  return expireLockedSession(tx, scope, row, request);
}
