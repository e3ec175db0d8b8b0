/**
 * The one mapping between seed 001's payment statuses (`transactions.status`)
 * and Stripe's PaymentIntent statuses, and which operations each state allows.
 *
 * | seed status | Stripe status | meaning |
 * | --- | --- | --- |
 * | pending (no payment method) | requires_payment_method | created, nothing to charge yet |
 * | pending (payment method, no next action) | requires_confirmation | ready to confirm |
 * | pending (next action) | requires_action | waiting for 3-D Secure |
 * | failed | requires_payment_method | the last attempt was declined (`last_payment_error`); a new method may be tried |
 * | authorized | requires_capture | funds held, capture_method=manual |
 * | succeeded | succeeded | captured at confirm (capture_method=automatic) |
 * | captured | succeeded | captured later (manual capture) |
 * | refunded | succeeded | fully refunded (Stripe keeps the intent succeeded) |
 * | disputed | succeeded | disputed after capture |
 * | cancelled | canceled | canceled before capture |
 *
 * The sandbox gateways answer synchronously, so `processing` never occurs.
 */
export const SEED_STATUSES = [
  'pending',
  'authorized',
  'captured',
  'succeeded',
  'failed',
  'cancelled',
  'refunded',
  'disputed',
] as const;
export type SeedStatus = (typeof SEED_STATUSES)[number];

export type IntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface StatusInputs {
  status: string;
  hasPaymentMethod: boolean;
  hasNextAction: boolean;
}

export function intentStatus({ status, hasPaymentMethod, hasNextAction }: StatusInputs): IntentStatus {
  switch (status as SeedStatus) {
    case 'pending':
      if (hasNextAction) return 'requires_action';
      return hasPaymentMethod ? 'requires_confirmation' : 'requires_payment_method';
    case 'failed':
      return 'requires_payment_method';
    case 'authorized':
      return 'requires_capture';
    case 'succeeded':
    case 'captured':
    case 'refunded':
    case 'disputed':
      return 'succeeded';
    case 'cancelled':
      return 'canceled';
    default:
      throw new Error(`unknown payment status ${status}`);
  }
}

/** The Stripe status of a payment row (its seed status, payment method and next action). */
export function statusOfPayment(row: {
  status: string;
  paymentMethodToken: string | null;
  nextAction: unknown;
}): IntentStatus {
  return intentStatus({
    status: row.status,
    hasPaymentMethod: row.paymentMethodToken !== null,
    hasNextAction: row.nextAction !== null,
  });
}

export type Operation = 'confirm' | 'capture' | 'cancel' | 'update_payment_details' | 'refund';

/** Which Stripe statuses allow each operation (Stripe's rules for card payments). */
export const ALLOWED: Record<Operation, readonly IntentStatus[]> = {
  confirm: ['requires_payment_method', 'requires_confirmation'],
  capture: ['requires_capture'],
  cancel: ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture'],
  // amount, currency, payment method, capture method: only before the intent is confirmed.
  update_payment_details: ['requires_payment_method', 'requires_confirmation'],
  refund: ['succeeded'],
};

export function allows(operation: Operation, status: IntentStatus): boolean {
  return ALLOWED[operation].includes(status);
}
