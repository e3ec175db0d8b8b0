import type { Endpoint } from '@/lib/api/endpoint';
import { eventListObject, eventObjectSchema, listEventsParams, retrieveEventParams } from './schemas';

const tag = 'Events';
const read = { resource: 'events', access: 'read' } as const;

export const eventEndpoints = {
  retrieve: {
    name: 'events.retrieve',
    method: 'GET',
    path: '/v1/events/{id}',
    summary: 'Retrieve an event',
    description: 'Events are kept for at least 30 days (`EVENT_RETENTION_DAYS`).',
    tag,
    access: read,
    params: retrieveEventParams,
    pathParams: { id: 'The event id (`evt_…`).' },
    response: eventObjectSchema,
    example: { pathParams: { id: 'evt_2PHj2kS4xnBFHSHpNJeNOH' } },
  },
  list: {
    name: 'events.list',
    method: 'GET',
    path: '/v1/events',
    summary: 'List events',
    description:
      'Newest first; filter by `type` or `types[]` (a trailing `*` matches a family: `payment_intent.*`), `created` and `delivery_success`.',
    tag,
    access: read,
    params: listEventsParams,
    response: eventListObject,
    list: true,
    example: { params: { limit: 3, type: 'payment_intent.*' } },
  },
} satisfies Record<string, Endpoint>;
