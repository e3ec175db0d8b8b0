import type { Endpoint } from '@/lib/api/endpoint';
import {
  cancelRefundParams,
  createRefundParams,
  listRefundsParams,
  refundListObject,
  refundObject,
  retrieveRefundParams,
  updateRefundParams,
} from './schemas';

const tag = 'Refunds';
const read = { resource: 'refunds', access: 'read' } as const;
const write = { resource: 'refunds', access: 'write' } as const;
const pathParams = { refund: 'The refund id (`re_…`).' };

export const refundEndpoints = {
  create: {
    name: 'refunds.create',
    method: 'POST',
    path: '/v1/refunds',
    summary: 'Create a refund',
    description:
      'Refunds all or part of a succeeded payment, named by `payment_intent` or `charge`. The total refunded never exceeds what was captured.',
    tag,
    access: write,
    params: createRefundParams,
    response: refundObject,
  },
  retrieve: {
    name: 'refunds.retrieve',
    method: 'GET',
    path: '/v1/refunds/{refund}',
    summary: 'Retrieve a refund',
    tag,
    access: read,
    params: retrieveRefundParams,
    pathParams,
    response: refundObject,
  },
  update: {
    name: 'refunds.update',
    method: 'POST',
    path: '/v1/refunds/{refund}',
    summary: 'Update a refund',
    description: 'Only metadata can change.',
    tag,
    access: write,
    params: updateRefundParams,
    pathParams,
    response: refundObject,
  },
  cancel: {
    name: 'refunds.cancel',
    method: 'POST',
    path: '/v1/refunds/{refund}/cancel',
    summary: 'Cancel a refund',
    description:
      'Only a pending refund can be canceled. Card refunds through the sandbox gateways complete at once, so they answer `refund_not_cancelable`.',
    tag,
    access: write,
    params: cancelRefundParams,
    pathParams,
    response: refundObject,
  },
  list: {
    name: 'refunds.list',
    method: 'GET',
    path: '/v1/refunds',
    summary: 'List refunds',
    description: 'Newest first; filter by `payment_intent` or `charge`, and by `created`.',
    tag,
    access: read,
    params: listRefundsParams,
    response: refundListObject,
    list: true,
  },
} satisfies Record<string, Endpoint>;
