import { toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { getCustomer } from '@/lib/customers/get-customer';
import { getPaymentMethodObject } from '@/lib/vault';
import { clientSecret } from './client-secret';
import type { PaymentRow, Scope } from './repository';
import type { PaymentIntentObject } from './schemas';
import { statusOfPayment } from './status';

const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : null);

/** A payment row as Stripe's PaymentIntent object. */
export function paymentIntentObject(row: PaymentRow): PaymentIntentObject {
  const id = toPublicId('pi', row.id);
  return {
    id,
    object: 'payment_intent',
    amount: Number(row.amount),
    amount_capturable: Number(row.amountCapturable),
    amount_received: Number(row.amountReceived),
    canceled_at: seconds(row.canceledAt),
    cancellation_reason: row.cancellationReason,
    capture_method: row.captureMethod as 'automatic' | 'manual',
    client_secret: clientSecret(id),
    confirmation_method: 'automatic',
    created: seconds(row.createdAt)!,
    currency: row.currency.toLowerCase(),
    customer: row.customerId ? toPublicId('cus', row.customerId) : null,
    description: row.description,
    last_payment_error: (row.lastPaymentError as PaymentIntentObject['last_payment_error']) ?? null,
    // One charge per authorization attempt is not modelled; the latest attempt is the charge.
    latest_charge: row.attempts > 0 ? toPublicId('ch', row.id) : null,
    livemode: row.livemode,
    metadata: (row.metadata ?? {}) as Record<string, string>,
    next_action: (row.nextAction as Record<string, unknown> | null) ?? null,
    payment_method: row.paymentMethodToken,
    payment_method_types: [row.paymentMethodType],
    receipt_email: row.receiptEmail,
    statement_descriptor: row.statementDescriptor,
    status: statusOfPayment(row),
  };
}

export const PAYMENT_INTENT_EXPANDABLE = ['customer', 'payment_method'] as const;

/** `expand[]=customer` / `payment_method`: the ids replaced by their objects. */
export async function expandPaymentIntent(
  tx: DbTx,
  scope: Scope,
  row: PaymentRow,
  paths: readonly string[] | undefined,
): Promise<PaymentIntentObject> {
  const object = paymentIntentObject(row);
  const wanted = new Set((paths ?? []).map((p) => p.replace(/^data\./, '')));
  if (wanted.has('customer') && row.customerId)
    object.customer = await getCustomer(tx, scope, row.customerId);
  if (wanted.has('payment_method') && row.paymentMethodToken) {
    object.payment_method = await getPaymentMethodObject(tx, scope, row.paymentMethodToken);
  }
  return object;
}
