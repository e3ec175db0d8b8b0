import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import type { PageRequest } from '@/lib/api/list';
import { cursorMissing, pageRequest } from '@/lib/api/list';
import type { DbTx } from '@/lib/db/client';
import { listCustomerPaymentMethods } from './list-customer-payment-methods';
import { isVaultToken, type Scope } from './types';

/** Another merchant's PaymentMethod, a malformed id and a missing one all answer the same. */
export function foundPaymentMethod<T>(id: string, result: T | null): T {
  if (result === null) throw resourceMissing('PaymentMethod', id);
  return result;
}

export function customerIdParam(publicId: string): string {
  const id = fromPublicId('cus', publicId);
  if (!id) throw resourceMissing('customer', publicId, 'customer');
  return id;
}

/** GET /v1/payment_methods?customer= and GET /v1/customers/:id/payment_methods share this. */
export async function customerPaymentMethodList(
  tx: DbTx,
  scope: Scope,
  customerPublicId: string,
  params: { limit?: number; starting_after?: string; ending_before?: string },
) {
  const page: PageRequest = pageRequest(params, (id) => (isVaultToken(id) ? id : null), 'PaymentMethod');
  const result = await listCustomerPaymentMethods(
    tx,
    scope,
    customerIdParam(customerPublicId),
    page,
    customerPublicId,
  );
  if (!result) cursorMissing(params, 'PaymentMethod');
  return result;
}
