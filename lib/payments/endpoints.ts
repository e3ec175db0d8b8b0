import type { Endpoint } from '@/lib/api/endpoint';
import { PAYMENT_INTENT_EXPANDABLE } from './payment-intent-object';
import {
  cancelPaymentIntentParams,
  capturePaymentIntentParams,
  confirmPaymentIntentParams,
  createPaymentIntentParams,
  listPaymentIntentsParams,
  paymentIntentListObject,
  paymentIntentObject,
  retrievePaymentIntentParams,
  updatePaymentIntentParams,
} from './schemas';

const tag = 'Payment intents';
const read = { resource: 'payment_intents', access: 'read' } as const;
const write = { resource: 'payment_intents', access: 'write' } as const;
const pathParams = { intent: 'The PaymentIntent id (`pi_…`).' };
const expandable = PAYMENT_INTENT_EXPANDABLE;

export const paymentIntentEndpoints = {
  create: {
    name: 'payment_intents.create',
    method: 'POST',
    path: '/v1/payment_intents',
    summary: 'Create a PaymentIntent',
    description:
      'With `confirm=true` the card is charged in the same request. A declined card answers 402 `card_error` with `decline_code`; the intent then waits for another payment method.',
    tag,
    access: write,
    params: createPaymentIntentParams,
    response: paymentIntentObject,
    expandable,
  },
  retrieve: {
    name: 'payment_intents.retrieve',
    method: 'GET',
    path: '/v1/payment_intents/{intent}',
    summary: 'Retrieve a PaymentIntent',
    tag,
    access: read,
    params: retrievePaymentIntentParams,
    pathParams,
    response: paymentIntentObject,
    expandable,
  },
  update: {
    name: 'payment_intents.update',
    method: 'POST',
    path: '/v1/payment_intents/{intent}',
    summary: 'Update a PaymentIntent',
    description: 'Amount, currency, customer, payment method and capture method only before confirmation.',
    tag,
    access: write,
    params: updatePaymentIntentParams,
    pathParams,
    response: paymentIntentObject,
    expandable,
  },
  confirm: {
    name: 'payment_intents.confirm',
    method: 'POST',
    path: '/v1/payment_intents/{intent}/confirm',
    summary: 'Confirm a PaymentIntent',
    description:
      'Authorizes the card through the merchant’s gateway routing (and captures it for capture_method=automatic).',
    tag,
    access: write,
    params: confirmPaymentIntentParams,
    pathParams,
    response: paymentIntentObject,
    expandable,
  },
  capture: {
    name: 'payment_intents.capture',
    method: 'POST',
    path: '/v1/payment_intents/{intent}/capture',
    summary: 'Capture a PaymentIntent',
    description: 'Captures all or `amount_to_capture` of an authorization; the rest is released.',
    tag,
    access: write,
    params: capturePaymentIntentParams,
    pathParams,
    response: paymentIntentObject,
    expandable,
  },
  cancel: {
    name: 'payment_intents.cancel',
    method: 'POST',
    path: '/v1/payment_intents/{intent}/cancel',
    summary: 'Cancel a PaymentIntent',
    description: 'Before capture only; an authorization is voided at its gateway.',
    tag,
    access: write,
    params: cancelPaymentIntentParams,
    pathParams,
    response: paymentIntentObject,
    expandable,
  },
  list: {
    name: 'payment_intents.list',
    method: 'GET',
    path: '/v1/payment_intents',
    summary: 'List PaymentIntents',
    description: 'Newest first; filter by `customer` and `created`.',
    tag,
    access: read,
    params: listPaymentIntentsParams,
    response: paymentIntentListObject,
    list: true,
    expandable,
  },
} satisfies Record<string, Endpoint>;
