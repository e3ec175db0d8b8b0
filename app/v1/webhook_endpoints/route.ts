import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { webhookEndpointEndpoints } from '@/lib/webhooks/endpoints';
import { listWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints';

export const POST = apiRoute(webhookEndpointEndpoints.create, ({ tx, caller, params }) =>
  createWebhookEndpoint(tx, caller, params),
);

export const GET = apiRoute(webhookEndpointEndpoints.list, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('we', id), 'webhook endpoint');
  const result = await listWebhookEndpoints(tx, caller, page);
  if (!result) cursorMissing(params, 'webhook endpoint');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
