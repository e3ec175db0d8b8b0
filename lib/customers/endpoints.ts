import type { Endpoint } from '@/lib/api/endpoint';
import {
  createCustomerParams,
  customerListObject,
  customerObject,
  deleteCustomerParams,
  deletedCustomerObject,
  listCustomersParams,
  retrieveCustomerParams,
  updateCustomerParams,
} from './schemas';

const tag = 'Customers';
const read = { resource: 'customers', access: 'read' } as const;
const write = { resource: 'customers', access: 'write' } as const;
const pathParams = { customer: 'The customer id (`cus_…`).' };
const customer = { customer: 'cus_2PHj2kS4xnBFHSHpNJeNOH' };

export const customerEndpoints = {
  create: {
    name: 'customers.create',
    method: 'POST',
    path: '/v1/customers',
    summary: 'Create a customer',
    description: 'Name, phone, address and shipping details are stored encrypted.',
    tag,
    access: write,
    params: createCustomerParams,
    response: customerObject,
    example: { params: { email: 'jenny.rosen@example.com', name: 'Jenny Rosen', metadata: { order_id: '6735' } } },
  },
  retrieve: {
    name: 'customers.retrieve',
    method: 'GET',
    path: '/v1/customers/{customer}',
    summary: 'Retrieve a customer',
    description: 'A deleted customer is returned as `{ id, object, deleted: true }`.',
    tag,
    access: read,
    params: retrieveCustomerParams,
    pathParams,
    response: customerObject.or(deletedCustomerObject),
    example: { pathParams: customer },
  },
  update: {
    name: 'customers.update',
    method: 'POST',
    path: '/v1/customers/{customer}',
    summary: 'Update a customer',
    description: 'Absent parameters are unchanged; an empty string unsets a field; metadata merges by key.',
    tag,
    access: write,
    params: updateCustomerParams,
    pathParams,
    response: customerObject,
    example: { pathParams: customer, params: { metadata: { order_id: '6735' } } },
  },
  del: {
    name: 'customers.delete',
    method: 'DELETE',
    path: '/v1/customers/{customer}',
    summary: 'Delete a customer',
    description: 'Removes the personal data; the id stays resolvable as a deleted customer.',
    tag,
    access: write,
    params: deleteCustomerParams,
    pathParams,
    response: deletedCustomerObject,
    example: { pathParams: customer },
  },
  list: {
    name: 'customers.list',
    method: 'GET',
    path: '/v1/customers',
    summary: 'List customers',
    description: 'Newest first; filter by exact `email` and by `created`.',
    tag,
    access: read,
    params: listCustomersParams,
    response: customerListObject,
    list: true,
    example: { params: { limit: 3 } },
  },
} satisfies Record<string, Endpoint>;
