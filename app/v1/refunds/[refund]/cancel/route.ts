import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { requestInfo } from '@/lib/payments/route-helpers';
import { cancelRefund } from '@/lib/refunds/cancel-refund';
import { refundEndpoints } from '@/lib/refunds/endpoints';
import { refundObject } from '@/lib/refunds/refund-object';

export const POST = apiRoute(refundEndpoints.cancel, async (ctx) => {
  const publicId = ctx.pathParams.refund!;
  const id = fromPublicId('re', publicId);
  const row = id ? await cancelRefund(ctx.tx, ctx.caller, id, requestInfo(ctx)) : null;
  if (!row) throw resourceMissing('refund', publicId);
  return refundObject(row);
});
