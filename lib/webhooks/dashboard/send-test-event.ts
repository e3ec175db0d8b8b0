import { sendTestEvent } from '../send-test-event';
import { auditedWebhookChange, type WebhookActor } from './actor';
import type { SendTestEventInput } from './form-schemas';

/** "Send test event": a sample event of the chosen type, delivered to this endpoint only. */
export async function sendTestEventFromDashboard(actor: WebhookActor, input: SendTestEventInput) {
  return auditedWebhookChange(
    actor,
    'webhook_endpoint.test_event_sent',
    { type: 'webhook_endpoint', id: input.endpoint },
    { type: input.type },
    (tx, scope) => sendTestEvent(tx, scope, { endpointId: input.endpoint, type: input.type }),
  );
}
