import { apiRoute } from '@/lib/api/route';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { paymentIntentEndpoints } from '@/lib/payments/endpoints';
import { foundPayment, intentResponse, paymentIdFrom, requestInfo } from '@/lib/payments/route-helpers';

export const POST = apiRoute(paymentIntentEndpoints.capture, async (ctx) => {
  const publicId = ctx.pathParams.intent!;
  const row = await capturePaymentIntent(
    ctx.tx,
    ctx.caller,
    paymentIdFrom(publicId),
    ctx.params,
    requestInfo(ctx),
  );
  return intentResponse(ctx, { row: foundPayment(publicId, row) });
});
