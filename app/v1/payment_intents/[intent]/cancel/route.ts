import { apiRoute } from '@/lib/api/route';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { paymentIntentEndpoints } from '@/lib/payments/endpoints';
import { foundPayment, intentResponse, paymentIdFrom, requestInfo } from '@/lib/payments/route-helpers';

export const POST = apiRoute(paymentIntentEndpoints.cancel, async (ctx) => {
  const publicId = ctx.pathParams.intent!;
  const row = await cancelPaymentIntent(
    ctx.tx,
    ctx.caller,
    paymentIdFrom(publicId),
    ctx.params,
    requestInfo(ctx),
  );
  return intentResponse(ctx, { row: foundPayment(publicId, row) });
});
