import { apiRoute } from '@/lib/api/route';
import { requestInfo } from '@/lib/events/request-info';
import { detachPaymentMethod } from '@/lib/vault';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { foundPaymentMethod } from '@/lib/vault/route-helpers';

export const POST = apiRoute(paymentMethodEndpoints.detach, async (ctx) =>
  foundPaymentMethod(
    ctx.pathParams.payment_method!,
    await detachPaymentMethod(ctx.tx, ctx.caller, ctx.pathParams.payment_method!, requestInfo(ctx)),
  ),
);

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as GET,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
