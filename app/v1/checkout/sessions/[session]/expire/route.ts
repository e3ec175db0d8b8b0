import { apiRoute } from '@/lib/api/route';
import { checkoutSessionObject } from '@/lib/checkout/checkout-session-object';
import { checkoutSessionEndpoints } from '@/lib/checkout/endpoints';
import { expireCheckoutSession } from '@/lib/checkout/expire-checkout-session';
import { foundSession, sessionUuidFrom } from '@/lib/checkout/route-helpers';

export const POST = apiRoute(
  checkoutSessionEndpoints.expire,
  async ({ tx, caller, params, pathParams, requestId, idempotencyKey }) => {
    const publicId = pathParams.session!;
    const row = await expireCheckoutSession(tx, caller, sessionUuidFrom(publicId, caller), {
      requestId,
      idempotencyKey,
    });
    return checkoutSessionObject(tx, caller, foundSession(publicId, row), params.expand);
  },
);

export {
  unknownRoute as GET,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
