import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import type { RequestInfo } from '@/lib/payments/confirm-payment-intent';
import type { PaymentRow } from '@/lib/payments/repository';
import { statusOfPayment } from '@/lib/payments/status';
import { checkoutSessionObject } from './checkout-session-object';
import { updateSession, type Scope, type SessionRow } from './repository';

/**
 * A locked open session whose payment went through becomes `complete`, and
 * `checkout.session.completed` is recorded, in the caller's transaction (the
 * one that wrote the payment's success). `payment_status` is `paid` once the
 * funds are captured; with capture_method=manual the funds are only held and
 * it stays `unpaid` until the merchant captures, as at Stripe.
 * Anything else is returned as it is.
 */
export async function completeLockedSession(
  tx: DbTx,
  scope: Scope,
  session: SessionRow,
  payment: PaymentRow,
  request: RequestInfo,
): Promise<SessionRow> {
  const status = statusOfPayment(payment);
  if (session.status !== 'open' || (status !== 'succeeded' && status !== 'requires_capture')) return session;
  const now = clock.now();
  const completed = await updateSession(tx, session, {
    status: 'complete',
    paymentStatus: status === 'succeeded' ? 'paid' : 'unpaid',
    paymentId: payment.id,
    completedAt: now,
    updatedAt: now,
  });
  await recordEvent(tx, scope, {
    type: 'checkout.session.completed',
    object: await checkoutSessionObject(tx, scope, completed),
    ...request,
  });
  return completed;
}
