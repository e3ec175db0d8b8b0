-- The /v1 API platform: Stripe's customer fields the seed lacks, durable
-- idempotency records, and the API request log. All of it is ours.

-- ---------------------------------------------------------------------------
-- customers: what Stripe's customer object has and seed 001 does not.
-- Name, phone and address live only in encrypted_pii (sealed with
-- lib/crypto/envelope.ts); the seed's plain `phone` column is left NULL for
-- customers created through the API.
-- ---------------------------------------------------------------------------
ALTER TABLE customers
  ADD COLUMN description VARCHAR(1000),
  ADD COLUMN metadata    JSONB NOT NULL DEFAULT '{}'::jsonb,
  -- DELETE /v1/customers/:id keeps the row (payments reference it) and marks it.
  ADD COLUMN deleted_at  TIMESTAMP WITH TIME ZONE,
  ADD CONSTRAINT customers_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
  ADD CONSTRAINT customers_deleted_inactive CHECK (deleted_at IS NULL OR is_active = false);
-- `GET /v1/customers?email=` within a merchant and mode.
CREATE INDEX idx_customers_merchant_email ON customers(merchant_id, livemode, email) WHERE email IS NOT NULL;

-- ---------------------------------------------------------------------------
-- idempotency_keys: the first response to a POST with an Idempotency-Key,
-- replayed byte for byte for 24 hours. The row is written in the same database
-- transaction as the work it describes, so a request either did its work and
-- left its record, or did neither. Requests racing on one key are kept apart by
-- a transaction-scoped advisory lock (lib/api/idempotency.ts), not by Redis,
-- so flushing Redis cannot run the work twice.
-- ---------------------------------------------------------------------------
CREATE TABLE idempotency_keys (
  id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id         UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode            BOOLEAN NOT NULL,
  idempotency_key     VARCHAR(255) NOT NULL,
  request_method      VARCHAR(10) NOT NULL,
  request_path        VARCHAR(500) NOT NULL,
  -- sha256 of method, path and the parsed parameters: the same key with other
  -- parameters is an error, not a replay.
  request_fingerprint CHAR(64) NOT NULL,
  response_status     INTEGER NOT NULL,
  response_body       TEXT NOT NULL,
  -- The request that produced the stored response (sent back as Original-Request).
  request_id          VARCHAR(64) NOT NULL,
  api_key_id          UUID REFERENCES merchant_api_keys(id) ON DELETE SET NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT idempotency_keys_merchant_mode_key UNIQUE (merchant_id, livemode, idempotency_key),
  CONSTRAINT idempotency_keys_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  CONSTRAINT idempotency_keys_fingerprint_hex CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
  CONSTRAINT idempotency_keys_valid_status CHECK (response_status BETWEEN 100 AND 599),
  CONSTRAINT idempotency_keys_expires_after_created CHECK (expires_at > created_at)
);
-- The worker's hourly sweep of expired records.
CREATE INDEX idx_idempotency_keys_expires ON idempotency_keys(expires_at);

-- ---------------------------------------------------------------------------
-- api_request_logs: every /v1 request, for Developers → Logs. Bodies are
-- stored redacted (secrets, card data and customer PII masked). Rows older
-- than API_REQUEST_LOG_RETENTION_DAYS are deleted by the worker. A request
-- whose key was not recognised has no merchant and no mode.
-- ---------------------------------------------------------------------------
CREATE TABLE api_request_logs (
  id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id          VARCHAR(64) NOT NULL,
  merchant_id         UUID REFERENCES merchants(id) ON DELETE CASCADE,
  livemode            BOOLEAN,
  api_key_id          UUID REFERENCES merchant_api_keys(id) ON DELETE SET NULL,
  key_prefix          VARCHAR(20),
  method              VARCHAR(10) NOT NULL,
  path                VARCHAR(500) NOT NULL,
  status              INTEGER NOT NULL,
  duration_ms         INTEGER NOT NULL,
  idempotency_key     VARCHAR(255),
  idempotent_replayed BOOLEAN NOT NULL DEFAULT false,
  stripe_version      VARCHAR(64),
  error_type          VARCHAR(50),
  error_code          VARCHAR(100),
  query_params        JSONB,
  request_body        JSONB,
  response_body       JSONB,
  ip_address          VARCHAR(45),
  user_agent          VARCHAR(500),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT api_request_logs_request_id_key UNIQUE (request_id),
  CONSTRAINT api_request_logs_valid_method CHECK (method IN ('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS')),
  CONSTRAINT api_request_logs_valid_status CHECK (status BETWEEN 100 AND 599),
  CONSTRAINT api_request_logs_duration_nonnegative CHECK (duration_ms >= 0),
  CONSTRAINT api_request_logs_mode_with_merchant CHECK ((merchant_id IS NULL) = (livemode IS NULL))
);
-- Developers → Logs: newest first within a merchant and mode.
CREATE INDEX idx_api_request_logs_merchant_created ON api_request_logs(merchant_id, livemode, created_at DESC);
-- The retention sweep.
CREATE INDEX idx_api_request_logs_created ON api_request_logs(created_at);
