import { fromPublicId } from '@/lib/api/object-id';
import { cancelPaymentIntent } from '../cancel-payment-intent';
import { auditedPaymentChange, PaymentFormError, type PaymentActor } from './actor';
import type { CancelPaymentInput } from './form-schemas';

/** Cancel a payment that is not captured yet (an authorization is voided at its gateway). */
export async function cancelPaymentFromDashboard(actor: PaymentActor, input: CancelPaymentInput) {
  const id = fromPublicId('pi', input.payment_intent);
  if (!id) throw new PaymentFormError('payment_intent', 'No such payment.');
  const reason = input.cancellation_reason || undefined;
  return auditedPaymentChange(
    actor,
    'payment.cancel',
    input.payment_intent,
    { cancellation_reason: reason ?? null },
    async (tx, scope) => {
      const updated = await cancelPaymentIntent(
        tx,
        scope,
        id,
        reason ? { cancellation_reason: reason } : {},
        { requestId: null, idempotencyKey: null },
      );
      if (!updated) throw new PaymentFormError('payment_intent', 'No such payment.');
      return updated;
    },
  );
}
