-- The payment timeline in the dashboard: a payment's events, by the public id
-- of the PaymentIntent they are about. That is data.object.id for the
-- payment_intent.* and charge.* events (their object is the PaymentIntent),
-- and data.object.payment_intent for refund.* events (their object is the
-- Refund). lib/events/repository.ts queries this exact expression, so keep
-- the two in step.
CREATE INDEX idx_events_merchant_payment ON events (
  merchant_id,
  livemode,
  (COALESCE(data -> 'object' ->> 'payment_intent', data -> 'object' ->> 'id')),
  created_at,
  id
);
