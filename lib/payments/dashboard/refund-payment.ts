import { fromPublicId } from '@/lib/api/object-id';
import { formatAmount } from '@/lib/money/currencies';
import { createRefund } from '@/lib/refunds/create-refund';
import { findPayment } from '../repository';
import { auditedPaymentChange, PaymentFormError, type PaymentActor } from './actor';
import { amountFromInput } from './amount-input';
import type { RefundPaymentInput } from './form-schemas';

/**
 * Refund from the payment page: all or part of what is left to refund.
 * createRefund takes the payment's lock and re-checks the cap, so a refund
 * made through the API meanwhile is never exceeded; the amount read here only
 * interprets the typed text in the payment's currency.
 */
export async function refundPaymentFromDashboard(actor: PaymentActor, input: RefundPaymentInput) {
  const id = fromPublicId('pi', input.payment_intent);
  if (!id) throw new PaymentFormError('payment_intent', 'No such payment.');
  return auditedPaymentChange(
    actor,
    'payment.refund',
    input.payment_intent,
    { amount_typed: input.amount, reason: input.reason || null },
    async (tx, scope) => {
      const payment = await findPayment(tx, scope, id);
      if (!payment) throw new PaymentFormError('payment_intent', 'No such payment.');
      const left = Number(payment.amountReceived) - Number(payment.amountRefunded);
      const amount = amountFromInput('amount', input.amount, payment.currency, left);
      const refund = await createRefund(
        tx,
        scope,
        {
          payment_intent: input.payment_intent,
          amount,
          ...(input.reason ? { reason: input.reason } : {}),
        },
        { requestId: null, idempotencyKey: null },
      );
      return { refund, formatted: formatAmount(amount, payment.currency) };
    },
  );
}
