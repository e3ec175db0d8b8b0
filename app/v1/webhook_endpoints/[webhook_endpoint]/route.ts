import { resourceMissing } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint';
import { webhookEndpointEndpoints } from '@/lib/webhooks/endpoints';
import { getWebhookEndpoint } from '@/lib/webhooks/get-webhook-endpoint';
import { updateWebhookEndpoint } from '@/lib/webhooks/update-webhook-endpoint';

/** Another merchant's endpoint, a malformed id and a missing one all answer "No such webhook endpoint". */
function found<T>(publicId: string, result: T | null): T {
  if (result === null) throw resourceMissing('webhook endpoint', publicId);
  return result;
}

export const GET = apiRoute(webhookEndpointEndpoints.retrieve, async ({ tx, caller, pathParams }) =>
  found(pathParams.webhook_endpoint!, await getWebhookEndpoint(tx, caller, pathParams.webhook_endpoint!)),
);

export const POST = apiRoute(webhookEndpointEndpoints.update, async ({ tx, caller, params, pathParams }) =>
  found(
    pathParams.webhook_endpoint!,
    await updateWebhookEndpoint(tx, caller, pathParams.webhook_endpoint!, params),
  ),
);

export const DELETE = apiRoute(webhookEndpointEndpoints.del, async ({ tx, caller, pathParams }) =>
  found(pathParams.webhook_endpoint!, await deleteWebhookEndpoint(tx, caller, pathParams.webhook_endpoint!)),
);

// Methods this path does not have answer like unknown paths do (404 route_missing).
export { unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
