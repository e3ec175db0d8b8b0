import { deleteWebhookEndpoint } from '../delete-webhook-endpoint';
import { auditedWebhookChange, type WebhookActor } from './actor';
import { WebhookFormError } from './errors';

/** Delete (deliveries stop at once; the delivery log stays readable). */
export async function deleteEndpointFromDashboard(actor: WebhookActor, endpoint: string) {
  return auditedWebhookChange(
    actor,
    'webhook_endpoint.deleted',
    { type: 'webhook_endpoint', id: endpoint },
    {},
    async (tx, scope) => {
      const deleted = await deleteWebhookEndpoint(tx, scope, endpoint);
      if (!deleted) throw new WebhookFormError('endpoint', 'No such webhook endpoint.');
      return deleted;
    },
  );
}
