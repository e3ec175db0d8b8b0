import { listEnvelope } from '@/lib/api/list';
import { toPublicId } from '@/lib/api/object-id';
import { getCustomer } from '@/lib/customers/get-customer';
import type { DbTx } from '@/lib/db/client';
import { appUrl } from '@/lib/env';
import { paymentIntentObject } from '@/lib/payments/payment-intent-object';
import { findPayment, type PaymentRow } from '@/lib/payments/repository';
import { getPaymentMethodObject } from '@/lib/vault';
import { lineItemsOf, type LineItemRow, type Scope, type SessionRow } from './repository';
import type { CheckoutSessionObject, LineItemObject } from './schemas';
import { checkoutSessionId, lineItemId } from './session-id';

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export const CHECKOUT_SESSION_EXPANDABLE = ['line_items', 'payment_intent', 'customer'] as const;

/** The hosted page of a session: `${APP_URL}/checkout/<id>`. */
export function checkoutPageUrl(publicId: string): string {
  return `${appUrl()}/checkout/${publicId}`;
}

export function lineItemObject(row: LineItemRow): LineItemObject {
  const currency = row.currency.toLowerCase();
  return {
    id: lineItemId(row.id),
    object: 'item',
    amount_discount: 0,
    amount_subtotal: Number(row.amountSubtotal),
    amount_tax: 0,
    amount_total: Number(row.amountTotal),
    currency,
    description: row.name,
    price: {
      object: 'price',
      currency,
      unit_amount: Number(row.unitAmount),
      type: 'one_time',
      product_data: { name: row.name, description: row.description, images: row.images },
    },
    quantity: row.quantity,
  };
}

/**
 * customer_details: what the customer entered on the page — the email (the
 * payment's receipt email) and the billing name, country and postal code,
 * read back from the vault, where they are stored encrypted with the card.
 * Null until the customer has paid.
 */
async function customerDetails(
  tx: DbTx,
  scope: Scope,
  row: SessionRow,
  payment: PaymentRow | null,
): Promise<CheckoutSessionObject['customer_details']> {
  if (row.status !== 'complete' || !payment) return null;
  const method = payment.paymentMethodToken
    ? await getPaymentMethodObject(tx, scope, payment.paymentMethodToken)
    : null;
  const billing = method?.billing_details;
  return {
    email: payment.receiptEmail ?? row.customerEmail,
    name: billing?.name ?? null,
    address: billing?.address ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}

/** A session row as Stripe's `checkout.session`, with the `expand[]` paths filled in. */
export async function checkoutSessionObject(
  tx: DbTx,
  scope: Scope,
  row: SessionRow,
  expand: readonly string[] = [],
): Promise<CheckoutSessionObject> {
  const id = checkoutSessionId(row.id, row.livemode);
  const wanted = new Set(expand.map((p) => p.replace(/^data\./, '')));
  const payment = row.paymentId ? await findPayment(tx, scope, row.paymentId) : null;
  const object: CheckoutSessionObject = {
    id,
    object: 'checkout.session',
    amount_subtotal: Number(row.amountSubtotal),
    amount_total: Number(row.amountTotal),
    cancel_url: row.cancelUrl,
    created: seconds(row.createdAt),
    currency: row.currency.toLowerCase(),
    customer: row.customerId ? toPublicId('cus', row.customerId) : null,
    customer_details: await customerDetails(tx, scope, row, payment),
    customer_email: row.customerEmail,
    expires_at: seconds(row.expiresAt),
    livemode: row.livemode,
    metadata: (row.metadata ?? {}) as Record<string, string>,
    mode: 'payment',
    payment_intent: payment ? toPublicId('pi', payment.id) : null,
    payment_method_types: ['card'],
    payment_status: row.paymentStatus as CheckoutSessionObject['payment_status'],
    status: row.status as CheckoutSessionObject['status'],
    success_url: row.successUrl,
    ui_mode: 'hosted',
    // As at Stripe: the page's URL only while the customer can still pay there.
    url: row.status === 'open' ? checkoutPageUrl(id) : null,
  };
  if (wanted.has('line_items')) {
    const items = await lineItemsOf(tx, row.id);
    object.line_items = listEnvelope(
      `/v1/checkout/sessions/${id}/line_items`,
      items.map(lineItemObject),
      false,
    );
  }
  if (wanted.has('payment_intent') && payment) object.payment_intent = paymentIntentObject(payment);
  if (wanted.has('customer') && row.customerId)
    object.customer = await getCustomer(tx, scope, row.customerId);
  return object;
}
