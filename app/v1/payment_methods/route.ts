import { listEnvelope } from '@/lib/api/list';
import { apiRoute } from '@/lib/api/route';
import { createPaymentMethodFromParams } from '@/lib/vault/create-payment-method-from-params';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { customerPaymentMethodList } from '@/lib/vault/route-helpers';

export const POST = apiRoute(paymentMethodEndpoints.create, ({ tx, caller, params }) =>
  createPaymentMethodFromParams(tx, caller, params),
);

export const GET = apiRoute(paymentMethodEndpoints.list, async ({ tx, caller, params, url }) => {
  const result = await customerPaymentMethodList(tx, caller, params.customer, params);
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
