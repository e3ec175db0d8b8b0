import type { Endpoint } from '@/lib/api/endpoint';
import {
  chargeListObject,
  chargeObjectSchema,
  listChargesParams,
  retrieveChargeParams,
} from './charge-schemas';

const tag = 'Charges';
// A charge is part of its PaymentIntent: reading one needs payment_intents:read.
const read = { resource: 'payment_intents', access: 'read' } as const;

export const chargeEndpoints = {
  retrieve: {
    name: 'charges.retrieve',
    method: 'GET',
    path: '/v1/charges/{charge}',
    summary: 'Retrieve a charge',
    description: 'The `latest_charge` of a PaymentIntent; refunds accept it as `charge`.',
    tag,
    access: read,
    params: retrieveChargeParams,
    pathParams: { charge: 'The charge id (`ch_…`).' },
    response: chargeObjectSchema,
  },
  list: {
    name: 'charges.list',
    method: 'GET',
    path: '/v1/charges',
    summary: 'List charges',
    description: 'Newest first; filter by `customer`, `payment_intent` and `created`.',
    tag,
    access: read,
    params: listChargesParams,
    response: chargeListObject,
    list: true,
  },
} satisfies Record<string, Endpoint>;
