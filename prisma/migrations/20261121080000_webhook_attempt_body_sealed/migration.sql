-- The request body of a webhook attempt is the event as delivered, which can
-- hold a customer's personal data (customer.* and payment_method.* events,
-- whose events.data is itself sealed). It is sealed with the envelope module
-- like idempotent responses: set when request_body holds base64 of the sealed
-- bytes (lib/webhooks/attempt-body.ts); NULL rows are plain text.
ALTER TABLE webhook_delivery_attempts ADD COLUMN request_body_key_id VARCHAR(100);
