import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { findCustomer } from '@/lib/customers/repository';
import { createCardPaymentMethod, resolvePaymentMethod } from '@/lib/vault';
import type { Scope } from './repository';
import type { PaymentMethodDataParam } from './schemas';

/** `cus_…` of this merchant and mode, not deleted; otherwise "No such customer" on `customer`. */
export async function customerIdFor(tx: DbTx, scope: Scope, publicId: string): Promise<string> {
  const id = fromPublicId('cus', publicId);
  const row = id ? await findCustomer(tx, scope, id) : null;
  if (!row || row.deletedAt) throw resourceMissing('customer', publicId, 'customer');
  return row.id;
}

/**
 * The vault token to charge: an existing `pm_…` (or, in test mode, one of
 * Stripe's test tokens such as `pm_card_visa`), or a card sent with the
 * request as `payment_method_data` (vaulted first; raw numbers are test-mode
 * only). Null when neither was given.
 */
export async function paymentMethodFor(
  tx: DbTx,
  scope: Scope,
  params: { payment_method?: string; payment_method_data?: PaymentMethodDataParam },
  customerId: string | null,
): Promise<{ token: string; cvc?: string } | null> {
  if (params.payment_method !== undefined && params.payment_method_data !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: payment_method, payment_method_data.',
      {
        code: 'parameter_invalid',
        param: 'payment_method_data',
      },
    );
  }
  if (params.payment_method !== undefined) {
    const method = await resolvePaymentMethod(tx, scope, params.payment_method);
    if (!method) throw resourceMissing('PaymentMethod', params.payment_method, 'payment_method');
    if (method.customerId && customerId && method.customerId !== customerId) {
      throw invalidRequest('The provided PaymentMethod belongs to a different Customer.', {
        code: 'payment_method_invalid_parameter',
        param: 'payment_method',
      });
    }
    return { token: method.token };
  }
  if (params.payment_method_data !== undefined) {
    const data = params.payment_method_data;
    const object = await createCardPaymentMethod(tx, scope, {
      number: data.card.number,
      expMonth: data.card.exp_month,
      expYear: data.card.exp_year,
      cvc: data.card.cvc,
      billingDetails: data.billing_details,
      metadata: data.metadata ?? undefined,
      customerId: null,
      source: 'api',
    });
    // The CVC goes to this one authorization and nowhere else.
    return { token: object.id, cvc: data.card.cvc };
  }
  return null;
}
