-- GET /v1/events, its retention sweep, and events that carry personal data.
--
-- A list filtered by an exact type reads the merchant's events of that type
-- newest first, instead of walking every event of the merchant.
CREATE INDEX idx_events_merchant_type_created ON events (merchant_id, livemode, type, created_at DESC, id DESC);

-- The worker deletes, across every merchant, events older than
-- EVENT_RETENTION_DAYS (at least 30) in batches, oldest first
-- (lib/events/purge-events.ts).
CREATE INDEX idx_events_created ON events (created_at);

-- customer.* and payment_method.* events carry what their tables keep sealed
-- (name, phone, address, shipping, billing details). For those, `data` holds
-- only the object's id and type, and the event's data (object and
-- previous_attributes) is sealed with the envelope module (context
-- "events.data:<id>"); lib/events/record-event.ts seals and eventObject opens.
ALTER TABLE events
  ADD COLUMN sealed_data BYTEA,
  ADD COLUMN data_key_id VARCHAR(100),
  ADD CONSTRAINT events_sealed_data_complete CHECK ((sealed_data IS NULL) = (data_key_id IS NULL));
