import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { paymentIntentEndpoints } from '@/lib/payments/endpoints';
import { listPaymentIntents } from '@/lib/payments/list-payment-intents';
import { intentResponse, requestInfo } from '@/lib/payments/route-helpers';

export const POST = apiRoute(paymentIntentEndpoints.create, async (ctx) =>
  intentResponse(ctx, await createPaymentIntent(ctx.tx, ctx.caller, ctx.params, requestInfo(ctx))),
);

export const GET = apiRoute(paymentIntentEndpoints.list, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('pi', id), 'payment_intent');
  const result = await listPaymentIntents(tx, caller, params, page);
  if (!result) cursorMissing(params, 'payment_intent');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
