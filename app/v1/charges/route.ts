import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { chargeEndpoints } from '@/lib/payments/charge-endpoints';
import { listCharges } from '@/lib/payments/list-charges';

export const GET = apiRoute(chargeEndpoints.list, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('ch', id), 'charge');
  const result = await listCharges(tx, caller, params, page);
  if (!result) cursorMissing(params, 'charge');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

// Charges are created by confirming a PaymentIntent; other methods answer like unknown paths.
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
