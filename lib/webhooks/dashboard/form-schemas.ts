import { z } from 'zod';
import { isKnownEventType } from '../event-types';

/**
 * What the Developers → Webhooks forms submit. The merchant and the mode are
 * the session's, never a field; ids are public ids (`we_…`, `evt_…`).
 */
const endpointId = z.string().regex(/^we_[0-9A-Za-z]{22}$/, 'Unknown webhook endpoint.');
const eventId = z.string().regex(/^evt_[0-9A-Za-z]{22}$/, 'Unknown event.');

/** A checkbox group arrives as one string or several; none is absent. */
const checked = z.preprocess(
  (v: unknown): unknown => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.string().max(100)).max(500),
);

const endpointFields = {
  url: z.string().trim().min(1, 'Enter the URL events are sent to.').max(2048, 'At most 2,048 characters.'),
  description: z
    .string()
    .trim()
    .max(5000, 'At most 5,000 characters.')
    .optional()
    .transform((v) => v || null),
  events_mode: z.enum(['all', 'selected'], { message: 'Choose all events or a list.' }),
  enabled_events: checked,
};

/** `*` for every event, or the chosen types (at least one, each one we send). */
function enabledEvents<T extends { events_mode: 'all' | 'selected'; enabled_events: string[] }>(
  schema: z.ZodType<T>,
) {
  return schema
    .refine((v) => v.events_mode === 'all' || v.enabled_events.length > 0, {
      message: 'Choose at least one event, or all events.',
      path: ['enabled_events'],
    })
    .refine((v) => v.events_mode === 'all' || v.enabled_events.every(isKnownEventType), {
      message: 'Choose events from the list.',
      path: ['enabled_events'],
    })
    .transform((v) => ({
      ...v,
      events: v.events_mode === 'all' ? ['*'] : [...new Set(v.enabled_events)].sort(),
    }));
}

export const createEndpointSchema = enabledEvents(z.strictObject(endpointFields));
export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;

export const updateEndpointSchema = enabledEvents(
  z.strictObject({ endpoint: endpointId, ...endpointFields }),
);
export type UpdateEndpointInput = z.infer<typeof updateEndpointSchema>;

export const setEndpointStatusSchema = z.strictObject({
  endpoint: endpointId,
  status: z.enum(['enabled', 'disabled']),
});
export type SetEndpointStatusInput = z.infer<typeof setEndpointStatusSchema>;

export const deleteEndpointSchema = z.strictObject({
  endpoint: endpointId,
  confirm: z.literal('delete', { message: 'Type “delete” to confirm.' }),
});

export const endpointOnlySchema = z.strictObject({ endpoint: endpointId });

/** How long the old secret keeps signing after a roll. */
export const OVERLAPS = { now: 0, '1h': 3600, '24h': 24 * 3600, '7d': 7 * 24 * 3600 } as const;

export const rollSecretSchema = z.strictObject({
  endpoint: endpointId,
  overlap: z.enum(Object.keys(OVERLAPS) as [keyof typeof OVERLAPS], {
    message: 'Choose when the old secret stops.',
  }),
});
export type RollSecretInput = z.infer<typeof rollSecretSchema>;

export const sendTestEventSchema = z.strictObject({
  endpoint: endpointId,
  type: z.string().max(100).refine(isKnownEventType, 'Choose an event type from the list.'),
});
export type SendTestEventInput = z.infer<typeof sendTestEventSchema>;

export const resendEventSchema = z.strictObject({ endpoint: endpointId, event: eventId });
export type ResendEventInput = z.infer<typeof resendEventSchema>;
