import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { requestInfo } from '@/lib/payments/route-helpers';
import { createRefund } from '@/lib/refunds/create-refund';
import { refundEndpoints } from '@/lib/refunds/endpoints';
import { listRefunds } from '@/lib/refunds/list-refunds';
import { refundObject } from '@/lib/refunds/refund-object';

export const POST = apiRoute(refundEndpoints.create, async (ctx) =>
  refundObject(await createRefund(ctx.tx, ctx.caller, ctx.params, requestInfo(ctx))),
);

export const GET = apiRoute(refundEndpoints.list, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('re', id), 'refund');
  const result = await listRefunds(tx, caller, params, page);
  if (!result) cursorMissing(params, 'refund');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
