import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { createCustomer } from '@/lib/customers/create-customer';
import { customerEndpoints } from '@/lib/customers/endpoints';
import { listCustomers } from '@/lib/customers/list-customers';
import { requestInfo } from '@/lib/events/request-info';

export const POST = apiRoute(customerEndpoints.create, (ctx) =>
  createCustomer(ctx.tx, ctx.caller, ctx.params, requestInfo(ctx)),
);

export const GET = apiRoute(customerEndpoints.list, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('cus', id), 'customer');
  const result = await listCustomers(tx, caller, params, page);
  if (!result) cursorMissing(params, 'customer');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
