-- GET /v1/events?type=… and the retention sweep (lib/events/purge-events.ts).
--
-- A list filtered by an exact type reads the merchant's events of that type
-- newest first, instead of walking every event of the merchant.
CREATE INDEX idx_events_merchant_type_created ON events (merchant_id, livemode, type, created_at DESC, id DESC);

-- The worker deletes, across every merchant, events older than
-- EVENT_RETENTION_DAYS (at least 30) in batches, oldest first.
CREATE INDEX idx_events_created ON events (created_at);
