import { resendEvent } from '../resend-event';
import { auditedWebhookChange, type WebhookActor } from './actor';
import type { ResendEventInput } from './form-schemas';

/** "Resend": a fresh delivery of the event to the endpoint, whatever happened before. */
export async function resendEventFromDashboard(actor: WebhookActor, input: ResendEventInput) {
  return auditedWebhookChange(
    actor,
    'webhook_event.resent',
    { type: 'event', id: input.event },
    { endpoint: input.endpoint },
    (tx, scope) => resendEvent(tx, scope, { eventId: input.event, endpointId: input.endpoint }),
  );
}
