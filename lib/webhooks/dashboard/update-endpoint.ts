import { updateWebhookEndpoint } from '../update-webhook-endpoint';
import { auditedWebhookChange, type WebhookActor } from './actor';
import type { SetEndpointStatusInput, UpdateEndpointInput } from './form-schemas';
import { WebhookFormError } from './errors';

/** Edit the URL, description and events of an endpoint. */
export async function updateEndpointFromDashboard(actor: WebhookActor, input: UpdateEndpointInput) {
  return auditedWebhookChange(
    actor,
    'webhook_endpoint.updated',
    { type: 'webhook_endpoint', id: input.endpoint },
    { url: input.url, enabled_events: input.events },
    async (tx, scope) => {
      const updated = await updateWebhookEndpoint(tx, scope, input.endpoint, {
        url: input.url,
        description: input.description,
        enabled_events: input.events,
      });
      if (!updated) throw new WebhookFormError('endpoint', 'No such webhook endpoint.');
      return updated;
    },
  );
}

/** Enable or disable. Enabling an endpoint the system disabled clears its banner. */
export async function setEndpointStatusFromDashboard(actor: WebhookActor, input: SetEndpointStatusInput) {
  return auditedWebhookChange(
    actor,
    'webhook_endpoint.updated',
    { type: 'webhook_endpoint', id: input.endpoint },
    { status: input.status },
    async (tx, scope) => {
      const updated = await updateWebhookEndpoint(tx, scope, input.endpoint, {
        disabled: input.status === 'disabled',
      });
      if (!updated) throw new WebhookFormError('endpoint', 'No such webhook endpoint.');
      return updated;
    },
  );
}
