import { apiRoute } from '@/lib/api/route';
import { paymentIntentEndpoints } from '@/lib/payments/endpoints';
import { expandPaymentIntent } from '@/lib/payments/payment-intent-object';
import { findPayment } from '@/lib/payments/repository';
import { foundPayment, intentResponse, paymentIdFrom, requestInfo } from '@/lib/payments/route-helpers';
import { updatePaymentIntent } from '@/lib/payments/update-payment-intent';

export const GET = apiRoute(paymentIntentEndpoints.retrieve, async ({ tx, caller, params, pathParams }) => {
  const publicId = pathParams.intent!;
  const row = foundPayment(publicId, await findPayment(tx, caller, paymentIdFrom(publicId)));
  return expandPaymentIntent(tx, caller, row, params.expand);
});

export const POST = apiRoute(paymentIntentEndpoints.update, async (ctx) => {
  const publicId = ctx.pathParams.intent!;
  const row = await updatePaymentIntent(
    ctx.tx,
    ctx.caller,
    paymentIdFrom(publicId),
    ctx.params,
    requestInfo(ctx),
  );
  return intentResponse(ctx, { row: foundPayment(publicId, row) });
});

export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
