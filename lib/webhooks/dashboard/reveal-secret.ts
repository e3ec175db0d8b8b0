import { revealWebhookSecret } from '../reveal-webhook-secret';
import { auditedWebhookChange, type WebhookActor } from './actor';

/**
 * "Reveal": the signing secret (and the previous one while a roll's overlap
 * lasts). Showing a secret is audited like a change: who saw it, when.
 */
export async function revealSecretFromDashboard(actor: WebhookActor, endpoint: string) {
  return auditedWebhookChange(
    actor,
    'webhook_endpoint.secret_revealed',
    { type: 'webhook_endpoint', id: endpoint },
    {},
    (tx, scope) => revealWebhookSecret(tx, scope, endpoint),
  );
}
