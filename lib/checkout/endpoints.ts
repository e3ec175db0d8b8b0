import type { Endpoint } from '@/lib/api/endpoint';
import { CHECKOUT_SESSION_EXPANDABLE } from './checkout-session-object';
import {
  checkoutSessionListObject,
  checkoutSessionObject,
  createCheckoutSessionParams,
  expireCheckoutSessionParams,
  lineItemListObject,
  listCheckoutSessionsParams,
  listLineItemsParams,
  retrieveCheckoutSessionParams,
} from './schemas';

const tag = 'Checkout sessions';
const read = { resource: 'checkout_sessions', access: 'read' } as const;
const write = { resource: 'checkout_sessions', access: 'write' } as const;
const pathParams = { session: 'The Checkout Session id (`cs_test_…` / `cs_live_…`).' };
const expandable = CHECKOUT_SESSION_EXPANDABLE;
const example = { pathParams: { session: 'cs_test_1nYsIRDpQ7rQiqqDoEps1D' } };

export const checkoutSessionEndpoints = {
  create: {
    name: 'checkout.sessions.create',
    method: 'POST',
    path: '/v1/checkout/sessions',
    summary: 'Create a Checkout Session',
    description:
      'A hosted payment page for `line_items` (mode `payment`). Send the customer to its `url`; `checkout.session.completed` is sent when they have paid.',
    tag,
    access: write,
    params: createCheckoutSessionParams,
    response: checkoutSessionObject,
    expandable,
    example: {
      params: {
        mode: 'payment',
        line_items: [
          {
            price_data: { currency: 'usd', unit_amount: 2000, product_data: { name: 'T-shirt' } },
            quantity: 1,
          },
        ],
        success_url: 'https://example.com/success?session_id={CHECKOUT_SESSION_ID}',
        cancel_url: 'https://example.com/cart',
      },
    },
  },
  retrieve: {
    name: 'checkout.sessions.retrieve',
    method: 'GET',
    path: '/v1/checkout/sessions/{session}',
    summary: 'Retrieve a Checkout Session',
    tag,
    access: read,
    params: retrieveCheckoutSessionParams,
    pathParams,
    response: checkoutSessionObject,
    expandable,
    example,
  },
  list: {
    name: 'checkout.sessions.list',
    method: 'GET',
    path: '/v1/checkout/sessions',
    summary: 'List Checkout Sessions',
    description: 'Newest first; filter by `customer`, `payment_intent`, `status` and `created`.',
    tag,
    access: read,
    params: listCheckoutSessionsParams,
    response: checkoutSessionListObject,
    list: true,
    expandable,
  },
  listLineItems: {
    name: 'checkout.sessions.listLineItems',
    method: 'GET',
    path: '/v1/checkout/sessions/{session}/line_items',
    summary: 'List the line items of a Checkout Session',
    tag,
    access: read,
    params: listLineItemsParams,
    pathParams,
    response: lineItemListObject,
    list: true,
    expandable: [],
    example,
  },
  expire: {
    name: 'checkout.sessions.expire',
    method: 'POST',
    path: '/v1/checkout/sessions/{session}/expire',
    summary: 'Expire a Checkout Session',
    description:
      'Only an open session (`checkout_session_not_open` otherwise). Its unpaid PaymentIntent is canceled; `checkout.session.expired` is sent.',
    tag,
    access: write,
    params: expireCheckoutSessionParams,
    pathParams,
    response: checkoutSessionObject,
    expandable,
    example,
  },
} satisfies Record<string, Endpoint>;
