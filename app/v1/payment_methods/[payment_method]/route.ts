import { apiRoute } from '@/lib/api/route';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { resolvePaymentMethod, updatePaymentMethod } from '@/lib/vault';
import { foundPaymentMethod } from '@/lib/vault/route-helpers';

// A test token (pm_card_visa) retrieves a fresh copy of its test card, as at Stripe.
export const GET = apiRoute(
  paymentMethodEndpoints.retrieve,
  async ({ tx, caller, pathParams }) =>
    foundPaymentMethod(
      pathParams.payment_method!,
      await resolvePaymentMethod(tx, caller, pathParams.payment_method!),
    ).object,
);

export const POST = apiRoute(paymentMethodEndpoints.update, async ({ tx, caller, params, pathParams }) =>
  foundPaymentMethod(
    pathParams.payment_method!,
    await updatePaymentMethod(tx, caller, pathParams.payment_method!, params),
  ),
);

// Methods this path does not have answer like unknown paths do (404 route_missing).
export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
