import { apiRoute } from '@/lib/api/route';
import { chargeEndpoints } from '@/lib/payments/charge-endpoints';
import { getCharge } from '@/lib/payments/get-charge';

export const GET = apiRoute(chargeEndpoints.retrieve, ({ tx, caller, pathParams }) =>
  getCharge(tx, caller, pathParams.charge!),
);

export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
