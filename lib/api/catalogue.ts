import { checkoutSessionEndpoints } from '@/lib/checkout/endpoints';
import { customerEndpoints } from '@/lib/customers/endpoints';
import { paymentMethodEndpoints } from '@/lib/vault/endpoints';
import { balanceEndpoints } from '@/lib/ledger/endpoints';
import { chargeEndpoints } from '@/lib/payments/charge-endpoints';
import { paymentIntentEndpoints } from '@/lib/payments/endpoints';
import { refundEndpoints } from '@/lib/refunds/endpoints';
import { eventEndpoints } from '@/lib/events/endpoints';
import { webhookEndpointEndpoints } from '@/lib/webhooks/endpoints';
import type { Endpoint } from './endpoint';

/**
 * Every implemented /v1 endpoint, in the order the API reference lists them.
 * The OpenAPI document (openapi.ts) and the dashboard's API reference are
 * generated from this list: a new resource registers its endpoints here, once.
 * (Routing stays with the files under app/v1, which Next.js requires.)
 */
export const catalogue: readonly Endpoint[] = [
  ...Object.values(customerEndpoints),
  ...Object.values(paymentMethodEndpoints),
  ...Object.values(paymentIntentEndpoints),
  ...Object.values(chargeEndpoints),
  ...Object.values(refundEndpoints),
  ...Object.values(balanceEndpoints),
  ...Object.values(checkoutSessionEndpoints),
  ...Object.values(eventEndpoints),
  ...Object.values(webhookEndpointEndpoints),
];
