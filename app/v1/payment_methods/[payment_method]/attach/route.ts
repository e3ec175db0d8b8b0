import { apiRoute } from '@/lib/api/route';
import { attachPaymentMethod } from '@/lib/vault';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { customerIdParam, foundPaymentMethod } from '@/lib/vault/route-helpers';

export const POST = apiRoute(paymentMethodEndpoints.attach, async ({ tx, caller, params, pathParams }) =>
  foundPaymentMethod(
    pathParams.payment_method!,
    await attachPaymentMethod(
      tx,
      caller,
      pathParams.payment_method!,
      customerIdParam(params.customer),
      params.customer,
    ),
  ),
);

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as GET,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
