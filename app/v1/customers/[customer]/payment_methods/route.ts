import { listEnvelope } from '@/lib/api/list';
import { apiRoute } from '@/lib/api/route';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { customerPaymentMethodList } from '@/lib/vault/route-helpers';

export const GET = apiRoute(
  paymentMethodEndpoints.listForCustomer,
  async ({ tx, caller, params, pathParams, url }) => {
    const result = await customerPaymentMethodList(tx, caller, pathParams.customer!, params);
    return listEnvelope(url.pathname, result.data, result.hasMore);
  },
);

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
