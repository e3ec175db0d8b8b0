import { apiRoute } from '@/lib/api/route';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { paymentIntentEndpoints } from '@/lib/payments/endpoints';
import { foundPayment, intentResponse, paymentIdFrom, requestInfo } from '@/lib/payments/route-helpers';

export const POST = apiRoute(paymentIntentEndpoints.confirm, async (ctx) => {
  const publicId = ctx.pathParams.intent!;
  const result = await confirmPaymentIntent(
    ctx.tx,
    ctx.caller,
    paymentIdFrom(publicId),
    ctx.params,
    requestInfo(ctx),
  );
  return intentResponse(ctx, foundPayment(publicId, result));
});
