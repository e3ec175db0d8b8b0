/**
 * The event types an endpoint may subscribe to (`enabled_events`), besides
 * the wildcard `*`: those this platform records (lib/events/record-event.ts
 * callers) and those of resources on their way (disputes, checkout sessions,
 * customers, payment methods). Stripe's names; a type not listed here is
 * refused at registration with `parameter_invalid` instead of silently never
 * matching.
 */
export const WEBHOOK_EVENT_TYPES = [
  'balance.available',
  'charge.captured',
  'charge.dispute.closed',
  'charge.dispute.created',
  'charge.dispute.funds_reinstated',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.updated',
  'charge.expired',
  'charge.failed',
  'charge.pending',
  'charge.refund.updated',
  'charge.refunded',
  'charge.succeeded',
  'charge.updated',
  'checkout.session.async_payment_failed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.completed',
  'checkout.session.expired',
  'customer.created',
  'customer.deleted',
  'customer.updated',
  'payment_intent.amount_capturable_updated',
  'payment_intent.canceled',
  'payment_intent.created',
  'payment_intent.partially_funded',
  'payment_intent.payment_failed',
  'payment_intent.processing',
  'payment_intent.requires_action',
  'payment_intent.succeeded',
  'payment_intent.updated',
  'payment_method.attached',
  'payment_method.detached',
  'payment_method.updated',
  'refund.created',
  'refund.failed',
  'refund.updated',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const known = new Set<string>(WEBHOOK_EVENT_TYPES);

export function isKnownEventType(type: string): boolean {
  return known.has(type);
}

/** Does an endpoint subscribed to `enabledEvents` want an event of `type`? */
export function endpointWants(enabledEvents: readonly string[], type: string): boolean {
  return enabledEvents.includes('*') || enabledEvents.includes(type);
}
