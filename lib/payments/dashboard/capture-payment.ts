import { fromPublicId } from '@/lib/api/object-id';
import { formatAmount } from '@/lib/money/currencies';
import { capturePaymentIntent } from '../capture-payment-intent';
import { findPayment } from '../repository';
import { auditedPaymentChange, PaymentFormError, type PaymentActor } from './actor';
import { amountFromInput } from './amount-input';
import type { CapturePaymentInput } from './form-schemas';

/** Capture an authorization from the payment page: all of it, or the amount typed. */
export async function capturePaymentFromDashboard(actor: PaymentActor, input: CapturePaymentInput) {
  const id = fromPublicId('pi', input.payment_intent);
  if (!id) throw new PaymentFormError('payment_intent', 'No such payment.');
  return auditedPaymentChange(
    actor,
    'payment.capture',
    input.payment_intent,
    { amount_typed: input.amount },
    async (tx, scope) => {
      const payment = await findPayment(tx, scope, id);
      if (!payment) throw new PaymentFormError('payment_intent', 'No such payment.');
      const amount = amountFromInput(
        'amount',
        input.amount,
        payment.currency,
        Number(payment.amountCapturable),
      );
      await capturePaymentIntent(
        tx,
        scope,
        id,
        { amount_to_capture: amount },
        { requestId: null, idempotencyKey: null },
      );
      return { formatted: formatAmount(amount, payment.currency) };
    },
  );
}
