import { z } from 'zod';
import { bool, expand, listParams } from '@/lib/api/params';

/** /v1/events parameters and objects, after Stripe's. */

/**
 * An event type, or a family of them with Stripe's wildcard suffix
 * (`payment_intent.*`); `*` alone is every type.
 */
export const eventTypeFilter = z
  .string()
  .min(1)
  .max(100)
  .regex(/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/, 'an event type such as `charge.succeeded` or `charge.*`');

export const retrieveEventParams = z.strictObject({
  expand: expand().optional().describe('Fields of the response to expand.'),
});

export const listEventsParams = z.strictObject({
  ...listParams,
  type: eventTypeFilter
    .optional()
    .describe('Only events of this type; `*` as the last segment matches a family (`payment_intent.*`).'),
  types: z
    .array(eventTypeFilter)
    .min(1)
    .max(20)
    .optional()
    .describe('Only events of any of these types (up to 20); cannot be combined with `type`.'),
  delivery_success: bool()
    .optional()
    .describe(
      '`true`: only events every endpoint has received; `false`: only events still pending or failed at some endpoint.',
    ),
});
export type ListEventsParams = z.infer<typeof listEventsParams>;

export const eventObjectSchema = z
  .object({
    id: z.string().describe('`evt_…`'),
    object: z.literal('event'),
    api_version: z.string().describe('The API version the object in `data` is rendered in.'),
    created: z.number().int(),
    data: z.object({
      object: z.record(z.string(), z.unknown()).describe('The object as the API returned it at that moment.'),
      previous_attributes: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('For `*.updated` events: the changed fields and their values before the change.'),
    }),
    livemode: z.boolean(),
    pending_webhooks: z.number().int().describe('Endpoints that have not yet received this event.'),
    request: z.object({
      id: z.string().nullable().describe('The `req_…` of the API request that caused the event.'),
      idempotency_key: z.string().nullable(),
    }),
    type: z.string().describe('`payment_intent.succeeded`, `charge.refunded`, `customer.created`, …'),
  })
  .meta({
    id: 'event',
    description: "Something that happened in the account, after Stripe's `event` object.",
  });

export const eventListObject = z.object({
  object: z.literal('list'),
  data: z.array(eventObjectSchema),
  has_more: z.boolean(),
  url: z.string(),
});
