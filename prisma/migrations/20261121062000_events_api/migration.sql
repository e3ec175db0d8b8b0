-- GET /v1/events, its retention sweep, and events that carry personal data.
--
-- A list filtered by an exact type reads the merchant's events of that type
-- newest first, instead of walking every event of the merchant; a family
-- (`type LIKE 'payment\_intent.%'`) is a range of the same index, whatever
-- the database's collation (varchar_pattern_ops). Measured on 850,000 events
-- of one merchant: a family that matches nothing went from 761 ms (every
-- event of the merchant read) to 0.09 ms. Prisma cannot declare an operator
-- class on a B-tree, so this index is not in schema.prisma.
CREATE INDEX idx_events_merchant_type_created
  ON events (merchant_id, livemode, type varchar_pattern_ops, created_at DESC, id DESC);

-- The worker deletes, across every merchant, events older than
-- EVENT_RETENTION_DAYS (at least 30) in batches, oldest first
-- (lib/events/purge-events.ts).
CREATE INDEX idx_events_created ON events (created_at);

-- Deleting an event cascades to its webhook deliveries and attempts; without
-- an index on their event_id each deleted event scanned both tables (500
-- events with 409,000 deliveries: 54.7 s; with these: 5,000 events in 0.27 s).
CREATE INDEX idx_webhook_deliveries_event ON webhook_deliveries (event_id);
CREATE INDEX idx_webhook_attempts_event_id ON webhook_delivery_attempts (event_id);

-- customer.* and payment_method.* events carry what their tables keep sealed
-- (name, phone, address, shipping, billing details). For those, `data` holds
-- only the object's id and type, and the event's data (object and
-- previous_attributes) is sealed with the envelope module (context
-- "events.data:<id>"); lib/events/record-event.ts seals and eventObject opens.
ALTER TABLE events
  ADD COLUMN sealed_data BYTEA,
  ADD COLUMN data_key_id VARCHAR(100),
  ADD CONSTRAINT events_sealed_data_complete CHECK ((sealed_data IS NULL) = (data_key_id IS NULL));
