import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { customerEndpoints } from '@/lib/customers/endpoints';
import { getCustomer } from '@/lib/customers/get-customer';
import { updateCustomer } from '@/lib/customers/update-customer';
import { requestInfo } from '@/lib/events/request-info';

/** Another merchant's customer, a malformed id and a missing one all answer "No such customer". */
function found<T>(publicId: string, result: T | null): T {
  if (result === null) throw resourceMissing('customer', publicId);
  return result;
}

function customerId(publicId: string): string {
  return found(publicId, fromPublicId('cus', publicId));
}

export const GET = apiRoute(customerEndpoints.retrieve, async ({ tx, caller, pathParams }) =>
  found(pathParams.customer!, await getCustomer(tx, caller, customerId(pathParams.customer!))),
);

export const POST = apiRoute(customerEndpoints.update, async (ctx) => {
  const publicId = ctx.pathParams.customer!;
  return found(
    publicId,
    await updateCustomer(ctx.tx, ctx.caller, customerId(publicId), ctx.params, requestInfo(ctx)),
  );
});

export const DELETE = apiRoute(customerEndpoints.del, async (ctx) => {
  const publicId = ctx.pathParams.customer!;
  return found(publicId, await deleteCustomer(ctx.tx, ctx.caller, customerId(publicId), requestInfo(ctx)));
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export { unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
