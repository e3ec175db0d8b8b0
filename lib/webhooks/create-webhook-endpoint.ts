import { randomUUID } from 'node:crypto';
import { invalidRequest } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { validEndpointUrl } from './endpoint-url';
import { countEndpoints, insertEndpoint, lockEndpointCreation, type Scope } from './repository';
import type { CreateWebhookEndpointParams } from './schemas';
import { sealSecret } from './secrets';
import { newWebhookSecret } from './signature';
import { webhookEndpointObject, type WebhookEndpointObjectWithSecret } from './webhook-endpoint-object';

/** Stripe's limit per account and mode. */
export const MAX_ENDPOINTS = 16;

/**
 * Registers an endpoint. The URL is checked (url-policy.ts) before anything is
 * written; the signing secret is returned here and only here (the dashboard
 * reveals it on demand with revealWebhookSecret).
 */
export async function createWebhookEndpoint(
  tx: DbTx,
  scope: Scope,
  params: CreateWebhookEndpointParams,
): Promise<WebhookEndpointObjectWithSecret> {
  const url = await validEndpointUrl(params.url, scope.livemode);
  // Serialized per merchant and mode so two creates cannot both pass the cap.
  await lockEndpointCreation(tx, scope);
  if ((await countEndpoints(tx, scope)) >= MAX_ENDPOINTS) {
    throw invalidRequest(
      `You have reached the maximum of ${MAX_ENDPOINTS} ${scope.livemode ? 'live' : 'test'} mode webhook endpoints. Delete one to add another.`,
      { code: 'webhook_endpoints_limit' },
    );
  }
  const id = randomUUID();
  const secret = newWebhookSecret();
  const sealed = sealSecret(id, 'secret', secret);
  const row = await insertEndpoint(
    tx,
    scope,
    id,
    {
      url,
      description: params.description ?? null,
      enabledEvents: params.enabled_events,
      metadata: initialMetadata(params.metadata),
      apiVersion: params.api_version ?? null,
      secretCiphertext: sealed.ciphertext,
      secretKeyId: sealed.keyId,
    },
    clock.now(),
  );
  return webhookEndpointObject(row, secret) as WebhookEndpointObjectWithSecret;
}
