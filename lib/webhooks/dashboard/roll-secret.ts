import { rollWebhookSecret } from '../roll-webhook-secret';
import { auditedWebhookChange, type WebhookActor } from './actor';
import { OVERLAPS, type RollSecretInput } from './form-schemas';

/** "Roll secret": a new whsec_; the old one keeps signing for the overlap chosen (now, 1 h, 24 h, 7 days). */
export async function rollSecretFromDashboard(actor: WebhookActor, input: RollSecretInput) {
  const overlapSeconds = OVERLAPS[input.overlap];
  return auditedWebhookChange(
    actor,
    'webhook_endpoint.secret_rolled',
    { type: 'webhook_endpoint', id: input.endpoint },
    { overlap_seconds: overlapSeconds },
    (tx, scope) => rollWebhookSecret(tx, scope, input.endpoint, { overlapSeconds }),
  );
}
