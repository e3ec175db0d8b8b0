import type { Endpoint } from '@/lib/api/endpoint';
import {
  createWebhookEndpointParams,
  deletedWebhookEndpointObject,
  deleteWebhookEndpointParams,
  listWebhookEndpointsParams,
  retrieveWebhookEndpointParams,
  updateWebhookEndpointParams,
  webhookEndpointListObject,
  webhookEndpointObject,
} from './schemas';

const tag = 'Webhook endpoints';
const read = { resource: 'webhook_endpoints', access: 'read' } as const;
const write = { resource: 'webhook_endpoints', access: 'write' } as const;
const pathParams = { webhook_endpoint: 'The webhook endpoint id (`we_…`).' };
const endpoint = { webhook_endpoint: 'we_2PHj2kS4xnBFHSHpNJeNOH' };

export const webhookEndpointEndpoints = {
  create: {
    name: 'webhook_endpoints.create',
    method: 'POST',
    path: '/v1/webhook_endpoints',
    summary: 'Create a webhook endpoint',
    description:
      'The response carries the signing secret (`whsec_…`), shown only here. Live mode URLs must be https and resolve to public addresses; test mode also allows http and localhost. See docs/webhooks.md.',
    tag,
    access: write,
    params: createWebhookEndpointParams,
    response: webhookEndpointObject,
    example: {
      params: {
        url: 'https://example.com/my/webhook/endpoint',
        enabled_events: ['payment_intent.succeeded', 'payment_intent.payment_failed'],
      },
    },
  },
  retrieve: {
    name: 'webhook_endpoints.retrieve',
    method: 'GET',
    path: '/v1/webhook_endpoints/{webhook_endpoint}',
    summary: 'Retrieve a webhook endpoint',
    tag,
    access: read,
    params: retrieveWebhookEndpointParams,
    pathParams,
    response: webhookEndpointObject,
    example: { pathParams: endpoint },
  },
  update: {
    name: 'webhook_endpoints.update',
    method: 'POST',
    path: '/v1/webhook_endpoints/{webhook_endpoint}',
    summary: 'Update a webhook endpoint',
    description:
      '`disabled=true` stops deliveries; `disabled=false` resumes them (for events created from then on).',
    tag,
    access: write,
    params: updateWebhookEndpointParams,
    pathParams,
    response: webhookEndpointObject,
    example: { pathParams: endpoint, params: { disabled: true } },
  },
  del: {
    name: 'webhook_endpoints.delete',
    method: 'DELETE',
    path: '/v1/webhook_endpoints/{webhook_endpoint}',
    summary: 'Delete a webhook endpoint',
    description: 'Pending deliveries to it stop.',
    tag,
    access: write,
    params: deleteWebhookEndpointParams,
    pathParams,
    response: deletedWebhookEndpointObject,
    example: { pathParams: endpoint },
  },
  list: {
    name: 'webhook_endpoints.list',
    method: 'GET',
    path: '/v1/webhook_endpoints',
    summary: 'List webhook endpoints',
    description: 'Newest first.',
    tag,
    access: read,
    params: listWebhookEndpointsParams,
    response: webhookEndpointListObject,
    list: true,
    example: { params: { limit: 3 } },
  },
} satisfies Record<string, Endpoint>;
