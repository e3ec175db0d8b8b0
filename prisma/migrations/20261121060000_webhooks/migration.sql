-- ---------------------------------------------------------------------------
-- Webhooks (docs/webhooks.md): endpoints, one delivery per (event, endpoint),
-- and every attempt of a delivery. The worker's relay turns committed
-- `events` rows into deliveries and graphile-worker jobs in one transaction.
-- ---------------------------------------------------------------------------

-- Where a merchant wants its events. Secrets are sealed with the envelope
-- module (lib/crypto/envelope.ts, context "webhook_endpoints.secret:<id>");
-- during a roll the previous secret keeps signing until its expiry.
-- Deleting is soft (deleted_at): the delivery log of a deleted endpoint stays
-- readable and a delivery job that wakes up finds the row and stops.
CREATE TABLE webhook_endpoints (
  id                         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id                UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode                   BOOLEAN NOT NULL,
  url                        VARCHAR(2048) NOT NULL,
  description                VARCHAR(5000),
  -- Stripe's event types, or the single wildcard '*'.
  enabled_events             TEXT[] NOT NULL,
  status                     VARCHAR(20) NOT NULL DEFAULT 'enabled',
  -- Why it is disabled: 'manual' (API or dashboard), 'failing' (3 days of
  -- failed deliveries), 'gone' (the receiver answered 410). The last two are
  -- the system's doing and show as a banner in the dashboard.
  disabled_reason            VARCHAR(20),
  disabled_at                TIMESTAMP WITH TIME ZONE,
  api_version                VARCHAR(64),
  metadata                   JSONB NOT NULL DEFAULT '{}',
  secret_ciphertext          BYTEA NOT NULL,
  secret_key_id              VARCHAR(100) NOT NULL,
  previous_secret_ciphertext BYTEA,
  previous_secret_key_id     VARCHAR(100),
  previous_secret_expires_at TIMESTAMP WITH TIME ZONE,
  -- Set by the first failed attempt after a success, cleared by a success.
  failing_since              TIMESTAMP WITH TIME ZONE,
  created_at                 TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  deleted_at                 TIMESTAMP WITH TIME ZONE,
  CONSTRAINT webhook_endpoints_valid_status CHECK (status IN ('enabled', 'disabled')),
  CONSTRAINT webhook_endpoints_valid_disabled_reason
    CHECK (disabled_reason IS NULL OR disabled_reason IN ('manual', 'failing', 'gone')),
  CONSTRAINT webhook_endpoints_reason_iff_disabled
    CHECK ((status = 'disabled') = (disabled_reason IS NOT NULL AND disabled_at IS NOT NULL)),
  CONSTRAINT webhook_endpoints_url_http CHECK (url ~ '^https?://'),
  CONSTRAINT webhook_endpoints_events_present CHECK (cardinality(enabled_events) BETWEEN 1 AND 500),
  CONSTRAINT webhook_endpoints_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
  CONSTRAINT webhook_endpoints_previous_secret_complete CHECK (
    (previous_secret_ciphertext IS NULL) = (previous_secret_key_id IS NULL)
    AND (previous_secret_ciphertext IS NULL) = (previous_secret_expires_at IS NULL)
  )
);
CREATE TRIGGER webhook_endpoints_set_updated_at BEFORE UPDATE ON webhook_endpoints
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- GET /v1/webhook_endpoints and the relay's fan-out: a merchant's live endpoints per mode.
CREATE INDEX idx_webhook_endpoints_merchant
  ON webhook_endpoints(merchant_id, livemode, created_at DESC, id DESC) WHERE deleted_at IS NULL;

-- Test events sent from the dashboard ("Send test event") are real rows so
-- that their deliveries are logged like any other, but they are not part of
-- the merchant's event history: /v1/events leaves them out.
ALTER TABLE events ADD COLUMN test_webhook BOOLEAN NOT NULL DEFAULT false;

-- One event to one endpoint. 'automatic' rows come from the relay (at most
-- one per pair, so a relay that runs twice cannot deliver twice); 'resend'
-- and 'test' rows come from the dashboard. next_attempt_at is when the next
-- attempt is due (pending only); lease_until marks an attempt in flight, so
-- the sweep can tell a running attempt from one lost with a killed worker.
CREATE TABLE webhook_deliveries (
  id                   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id          UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode             BOOLEAN NOT NULL,
  event_id             UUID NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  endpoint_id          UUID NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  kind                 VARCHAR(20) NOT NULL DEFAULT 'automatic',
  status               VARCHAR(20) NOT NULL DEFAULT 'pending',
  attempt_count        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at      TIMESTAMP WITH TIME ZONE,
  lease_until          TIMESTAMP WITH TIME ZONE,
  last_response_status INTEGER,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  completed_at         TIMESTAMP WITH TIME ZONE,
  CONSTRAINT webhook_deliveries_valid_kind CHECK (kind IN ('automatic', 'resend', 'test')),
  CONSTRAINT webhook_deliveries_valid_status CHECK (status IN ('pending', 'succeeded', 'failed')),
  CONSTRAINT webhook_deliveries_attempts_non_negative CHECK (attempt_count >= 0),
  CONSTRAINT webhook_deliveries_pending_scheduled
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL AND completed_at IS NULL))
);
CREATE TRIGGER webhook_deliveries_set_updated_at BEFORE UPDATE ON webhook_deliveries
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE UNIQUE INDEX webhook_deliveries_automatic_once
  ON webhook_deliveries(event_id, endpoint_id) WHERE kind = 'automatic';
-- The sweep: pending deliveries by due time.
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
CREATE INDEX idx_webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, created_at DESC);

-- Every attempt, as sent and as answered. Merchant, mode, event and endpoint
-- are copied from the delivery so the dashboard's per-endpoint and per-event
-- logs are one index range each.
CREATE TABLE webhook_delivery_attempts (
  id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id     UUID NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  merchant_id     UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode        BOOLEAN NOT NULL,
  event_id        UUID NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  endpoint_id     UUID NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  attempt         INTEGER NOT NULL,
  url             VARCHAR(2048) NOT NULL,
  request_headers JSONB NOT NULL,
  request_body    TEXT NOT NULL,
  -- Null when no HTTP answer came (timeout, refused, SSRF rule).
  response_status INTEGER,
  -- The first 4 KB of the answer.
  response_body   TEXT,
  duration_ms     INTEGER NOT NULL,
  error           VARCHAR(1000),
  succeeded       BOOLEAN NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT webhook_delivery_attempts_attempt_positive CHECK (attempt >= 1),
  CONSTRAINT webhook_delivery_attempts_valid_status
    CHECK (response_status IS NULL OR response_status BETWEEN 100 AND 599),
  CONSTRAINT webhook_delivery_attempts_duration_non_negative CHECK (duration_ms >= 0),
  CONSTRAINT webhook_delivery_attempts_body_truncated CHECK (octet_length(response_body) <= 4096),
  CONSTRAINT webhook_delivery_attempts_headers_object CHECK (jsonb_typeof(request_headers) = 'object'),
  CONSTRAINT webhook_delivery_attempts_once UNIQUE (delivery_id, attempt)
);
CREATE INDEX idx_webhook_attempts_endpoint
  ON webhook_delivery_attempts(merchant_id, livemode, endpoint_id, created_at DESC, id DESC);
CREATE INDEX idx_webhook_attempts_event
  ON webhook_delivery_attempts(merchant_id, livemode, event_id, created_at DESC, id DESC);

-- Wakes the relay as soon as events commit: NOTIFY is delivered at commit and
-- dropped on rollback, so it never announces an event that does not exist.
-- Once per statement (identical notifications in a transaction fold into one);
-- the worker's periodic sweep covers notifications missed while it was away.
CREATE FUNCTION events_notify_relay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('events_committed', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER events_notify_relay AFTER INSERT ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_notify_relay();
