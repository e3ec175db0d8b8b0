import { z } from 'zod';

/**
 * The payment page's forms. Amounts arrive as typed (major units, `12.34`)
 * and are read in the payment's currency by the use case; the merchant and
 * mode come from the session.
 */
const paymentId = z.string().regex(/^pi_[0-9A-Za-z]{22}$/, 'Not a payment id.');
const amount = z.string().trim().max(32);

export const refundPaymentSchema = z.strictObject({
  payment_intent: paymentId,
  amount,
  reason: z.enum(['', 'duplicate', 'fraudulent', 'requested_by_customer']).default(''),
  // The confirmation step: the box "I understand this refunds …" must be ticked.
  confirm: z.literal('on', { message: 'Confirm the refund first.' }),
});
export type RefundPaymentInput = z.infer<typeof refundPaymentSchema>;

export const capturePaymentSchema = z.strictObject({ payment_intent: paymentId, amount });
export type CapturePaymentInput = z.infer<typeof capturePaymentSchema>;

export const cancelPaymentSchema = z.strictObject({
  payment_intent: paymentId,
  cancellation_reason: z
    .enum(['', 'duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'])
    .default(''),
});
export type CancelPaymentInput = z.infer<typeof cancelPaymentSchema>;

export const REFUND_REASONS = [
  { value: 'requested_by_customer', label: 'Requested by customer' },
  { value: 'duplicate', label: 'Duplicate' },
  { value: 'fraudulent', label: 'Fraudulent' },
];
