import { toPublicId } from '@/lib/api/object-id';
import type { EndpointRow } from './repository';
import type { WebhookEndpointObject } from './schemas';

export type WebhookEndpointObjectWithSecret = WebhookEndpointObject & { secret: string };

/** An endpoint row as Stripe's webhook_endpoint object; `secret` only when given (create). */
export function webhookEndpointObject(row: EndpointRow, secret?: string): WebhookEndpointObject {
  return {
    id: toPublicId('we', row.id),
    object: 'webhook_endpoint',
    api_version: row.apiVersion,
    application: null,
    created: Math.floor(row.createdAt.getTime() / 1000),
    description: row.description,
    enabled_events: row.enabledEvents,
    livemode: row.livemode,
    metadata: row.metadata as Record<string, string>,
    ...(secret !== undefined ? { secret } : {}),
    status: row.status === 'disabled' ? 'disabled' : 'enabled',
    url: row.url,
  };
}

export function deletedWebhookEndpointObject(row: EndpointRow) {
  return { id: toPublicId('we', row.id), object: 'webhook_endpoint' as const, deleted: true as const };
}
