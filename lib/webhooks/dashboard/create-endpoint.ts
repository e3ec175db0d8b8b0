import { createWebhookEndpoint } from '../create-webhook-endpoint';
import type { WebhookEndpointObjectWithSecret } from '../webhook-endpoint-object';
import { auditedWebhookChange, type WebhookActor } from './actor';
import type { CreateEndpointInput } from './form-schemas';

/**
 * "Add endpoint": the API's own use case (URL and SSRF rules, the 16-endpoint
 * limit, a sealed whsec_ secret), audited. The secret is not handed back here:
 * the endpoint page reveals it on demand, audited on its own.
 */
export async function createEndpointFromDashboard(actor: WebhookActor, input: CreateEndpointInput) {
  const endpoint = await auditedWebhookChange<WebhookEndpointObjectWithSecret>(
    actor,
    'webhook_endpoint.created',
    { type: 'webhook_endpoint', id: (created) => created.id },
    { url: input.url, enabled_events: input.events },
    (tx, scope) =>
      createWebhookEndpoint(tx, scope, {
        url: input.url,
        description: input.description,
        enabled_events: input.events,
      }),
  );
  return { id: endpoint.id, url: endpoint.url };
}
