import { z } from 'zod';
import { bool, expand, listParams, metadata, text, unsettable } from '@/lib/api/params';
import { API_VERSION_FORMAT } from '@/lib/api/version';
import { isKnownEventType } from './event-types';

/**
 * /v1/webhook_endpoints parameters and object, after Stripe's. `connect` and
 * `application` (Connect platforms) are not implemented: unknown parameters.
 */
const enabledEvents = z
  .array(
    z
      .string()
      .max(100)
      .refine((t) => t === '*' || isKnownEventType(t), { message: 'not an event type this platform sends' }),
  )
  .min(1)
  .max(500)
  .refine((events) => !events.includes('*') || events.length === 1, {
    message: "'*' (every event) cannot be combined with other event types",
  });

const url = z.string().min(1).max(2048);

export const createWebhookEndpointParams = z.strictObject({
  url: url.describe(
    'The URL events are POSTed to: https in live mode; http and localhost allowed in test mode.',
  ),
  enabled_events: enabledEvents.describe('The event types to send, or `["*"]` for all.'),
  description: unsettable(text(5000))
    .optional()
    .describe('An optional description of what the endpoint is for.'),
  metadata: metadata()
    .optional()
    .describe('Key-value pairs stored on the object: up to 50 keys of 40 characters, values of 500.'),
  api_version: z
    .string()
    .regex(API_VERSION_FORMAT, 'an API version such as 2026-10-28.endive')
    .optional()
    .describe('The API version events are rendered with (recorded; events use the current version).'),
  expand: expand().optional().describe('Fields of the response to expand.'),
});
export type CreateWebhookEndpointParams = z.infer<typeof createWebhookEndpointParams>;

export const updateWebhookEndpointParams = z.strictObject({
  url: url.optional().describe('The URL events are POSTed to.'),
  enabled_events: enabledEvents.optional().describe('The event types to send, or `["*"]` for all.'),
  description: unsettable(text(5000)).optional().describe('An optional description; "" unsets it.'),
  metadata: metadata().optional().describe('Merged by key; a key set to "" is removed.'),
  disabled: bool().optional().describe('`true` disables the endpoint, `false` enables it again.'),
  expand: expand().optional().describe('Fields of the response to expand.'),
});
export type UpdateWebhookEndpointParams = z.infer<typeof updateWebhookEndpointParams>;

export const retrieveWebhookEndpointParams = z.strictObject({
  expand: expand().optional().describe('Fields of the response to expand.'),
});

export const deleteWebhookEndpointParams = z.strictObject({});

const { limit, starting_after, ending_before } = listParams;
export const listWebhookEndpointsParams = z.strictObject({
  limit,
  starting_after,
  ending_before,
  expand: listParams.expand,
});
export type ListWebhookEndpointsParams = z.infer<typeof listWebhookEndpointsParams>;

export const webhookEndpointObject = z
  .object({
    id: z.string().describe('`we_` followed by 22 base62 characters.'),
    object: z.literal('webhook_endpoint'),
    api_version: z.string().nullable().describe('The API version named at creation, if any.'),
    application: z.null(),
    created: z.number().int().describe('Unix seconds.'),
    description: z.string().nullable().describe('An optional description of what the endpoint is for.'),
    enabled_events: z.array(z.string()).describe('The event types sent to this endpoint; `["*"]` for all.'),
    livemode: z.boolean().describe('True in live mode, false in test mode.'),
    metadata: z.record(z.string(), z.string()).describe('Key-value pairs stored on the object.'),
    secret: z.string().optional().describe('The signing secret (`whsec_…`): only in the response to create.'),
    status: z.enum(['enabled', 'disabled']).describe('Disabled endpoints are sent nothing.'),
    url: z.string().describe('The URL events are POSTed to.'),
  })
  .meta({
    id: 'webhook_endpoint',
    description: "Where events are sent, after Stripe's `webhook_endpoint` object.",
  });
export type WebhookEndpointObject = z.infer<typeof webhookEndpointObject>;

export const deletedWebhookEndpointObject = z
  .object({
    id: z.string(),
    object: z.literal('webhook_endpoint'),
    deleted: z.literal(true),
  })
  .meta({ id: 'deleted_webhook_endpoint', description: 'A deleted webhook endpoint: its id.' });

export const webhookEndpointListObject = z.object({
  object: z.literal('list'),
  data: z.array(webhookEndpointObject),
  has_more: z.boolean(),
  url: z.string(),
});
