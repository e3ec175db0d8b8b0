import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { refundObject } from '@/lib/refunds/refund-object';
import { findRefund } from '@/lib/refunds/repository';
import { refundEndpoints } from '@/lib/refunds/endpoints';
import { updateRefund } from '@/lib/refunds/update-refund';
import { requestInfo } from '@/lib/payments/route-helpers';

function refundId(publicId: string): string {
  const id = fromPublicId('re', publicId);
  if (!id) throw resourceMissing('refund', publicId);
  return id;
}

function found<T>(publicId: string, row: T | null): T {
  if (row === null) throw resourceMissing('refund', publicId);
  return row;
}

export const GET = apiRoute(refundEndpoints.retrieve, async ({ tx, caller, pathParams }) =>
  refundObject(found(pathParams.refund!, await findRefund(tx, caller, refundId(pathParams.refund!)))),
);

export const POST = apiRoute(refundEndpoints.update, async (ctx) =>
  refundObject(
    found(
      ctx.pathParams.refund!,
      await updateRefund(ctx.tx, ctx.caller, refundId(ctx.pathParams.refund!), ctx.params, requestInfo(ctx)),
    ),
  ),
);

export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
