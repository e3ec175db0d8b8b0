import type { Endpoint } from '@/lib/api/endpoint';
import {
  attachPaymentMethodParams,
  createPaymentMethodParams,
  detachPaymentMethodParams,
  listCustomerPaymentMethodsParams,
  listPaymentMethodsParams,
  paymentMethodListObject,
  paymentMethodObject,
  retrievePaymentMethodParams,
  updatePaymentMethodParams,
} from './schemas';

/**
 * Restricted keys reach payment methods through the `customers` permission:
 * they are the customers' cards, and Stripe's restricted keys group them so.
 */
const tag = 'Payment methods';
const read = { resource: 'customers', access: 'read' } as const;
const write = { resource: 'customers', access: 'write' } as const;
const pathParams = {
  payment_method: 'The PaymentMethod id (`pm_…`), or a test token such as `pm_card_visa`.',
};
const pm = { payment_method: 'pm_4hT2kQ8vXc1LmN0pRs7YzA3b' };
const customer = 'cus_2PHj2kS4xnBFHSHpNJeNOH';

export const paymentMethodEndpoints = {
  create: {
    name: 'payment_methods.create',
    method: 'POST',
    path: '/v1/payment_methods',
    summary: 'Create a PaymentMethod',
    description:
      'Card numbers are accepted from API keys in test mode only (live cards come through the hosted checkout). The card is stored encrypted; the CVC is never stored.',
    tag,
    access: write,
    params: createPaymentMethodParams,
    response: paymentMethodObject,
    example: {
      params: {
        type: 'card',
        card: { number: '4242424242424242', exp_month: 8, exp_year: 2030, cvc: '314' },
      },
    },
  },
  retrieve: {
    name: 'payment_methods.retrieve',
    method: 'GET',
    path: '/v1/payment_methods/{payment_method}',
    summary: 'Retrieve a PaymentMethod',
    tag,
    access: read,
    params: retrievePaymentMethodParams,
    pathParams,
    response: paymentMethodObject,
    example: { pathParams: pm },
  },
  update: {
    name: 'payment_methods.update',
    method: 'POST',
    path: '/v1/payment_methods/{payment_method}',
    summary: 'Update a PaymentMethod',
    description: 'Billing details and metadata; the card itself cannot change.',
    tag,
    access: write,
    params: updatePaymentMethodParams,
    pathParams,
    response: paymentMethodObject,
    example: { pathParams: pm, params: { metadata: { order_id: '6735' } } },
  },
  list: {
    name: 'payment_methods.list',
    method: 'GET',
    path: '/v1/payment_methods',
    summary: "List a customer's PaymentMethods",
    description: 'Requires `customer`; newest first.',
    tag,
    access: read,
    params: listPaymentMethodsParams,
    response: paymentMethodListObject,
    list: true,
    example: { params: { customer, type: 'card', limit: 3 } },
  },
  attach: {
    name: 'payment_methods.attach',
    method: 'POST',
    path: '/v1/payment_methods/{payment_method}/attach',
    summary: 'Attach a PaymentMethod to a customer',
    description:
      'A customer keeps one PaymentMethod per card: attaching another copy of a card the customer already has is refused (a test token returns the attached one).',
    tag,
    access: write,
    params: attachPaymentMethodParams,
    pathParams,
    response: paymentMethodObject,
    example: { pathParams: pm, params: { customer } },
  },
  detach: {
    name: 'payment_methods.detach',
    method: 'POST',
    path: '/v1/payment_methods/{payment_method}/detach',
    summary: 'Detach a PaymentMethod from its customer',
    description: 'A detached PaymentMethod can no longer be used or attached again.',
    tag,
    access: write,
    params: detachPaymentMethodParams,
    pathParams,
    response: paymentMethodObject,
    example: { pathParams: pm },
  },
  listForCustomer: {
    name: 'customers.payment_methods.list',
    method: 'GET',
    path: '/v1/customers/{customer}/payment_methods',
    summary: "List a customer's PaymentMethods",
    description: 'Newest first.',
    tag,
    access: read,
    params: listCustomerPaymentMethodsParams,
    pathParams: { customer: 'The customer id (`cus_…`).' },
    response: paymentMethodListObject,
    list: true,
    example: { pathParams: { customer }, params: { limit: 3 } },
  },
} satisfies Record<string, Endpoint>;
