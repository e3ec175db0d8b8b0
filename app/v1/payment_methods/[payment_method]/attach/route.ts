import { apiRoute } from '@/lib/api/route';
import { requestInfo } from '@/lib/events/request-info';
import { attachPaymentMethod } from '@/lib/vault';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { customerIdParam, foundPaymentMethod } from '@/lib/vault/route-helpers';

export const POST = apiRoute(paymentMethodEndpoints.attach, async (ctx) =>
  foundPaymentMethod(
    ctx.pathParams.payment_method!,
    await attachPaymentMethod(
      ctx.tx,
      ctx.caller,
      ctx.pathParams.payment_method!,
      customerIdParam(ctx.params.customer),
      ctx.params.customer,
      requestInfo(ctx),
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
