import { apiRoute } from '@/lib/api/route';
import { checkoutSessionEndpoints } from '@/lib/checkout/endpoints';
import { getCheckoutSession } from '@/lib/checkout/get-checkout-session';
import { foundSession, sessionUuidFrom } from '@/lib/checkout/route-helpers';

export const GET = apiRoute(checkoutSessionEndpoints.retrieve, async ({ tx, caller, params, pathParams }) => {
  const publicId = pathParams.session!;
  return foundSession(
    publicId,
    await getCheckoutSession(tx, caller, sessionUuidFrom(publicId, caller), params.expand),
  );
});

export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
