-- The first schema: every table of both design documents (shared/seeds/000 and 001),
-- merged as docs/data-model.md explains. Where the seeds overlap, 001 wins and
-- what only 000 has is kept. Names, types, defaults, CHECK/UNIQUE constraints,
-- generated columns and indexes are the seeds'; additions are marked "ours".
--
-- Test and live data never mix: every merchant-owned table carries `livemode`
-- (ours), and every uniqueness that a merchant could legitimately repeat in the
-- other mode includes it.

-- ---------------------------------------------------------------------------
-- Shared helpers
-- ---------------------------------------------------------------------------

-- Keeps updated_at honest for every writer (Prisma, raw SQL, psql), not only
-- the ones that remember to set it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

-- ---------------------------------------------------------------------------
-- users (seed 000, table 1)
-- ---------------------------------------------------------------------------
CREATE TYPE user_role AS ENUM ('merchant', 'customer', 'admin');

CREATE TABLE users (
  user_id       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email         VARCHAR(255) NOT NULL UNIQUE,
  password_hash VARCHAR(255) NOT NULL,
  name          VARCHAR(200),
  role          user_role NOT NULL DEFAULT 'merchant',
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  -- ours: one spelling per address, so UNIQUE cannot be dodged by case.
  CONSTRAINT users_email_lowercase CHECK (email = lower(email))
);
-- Seed 000 asks for an index on email: the UNIQUE constraint's index is that index.
CREATE INDEX idx_users_role ON users(role);
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- merchants (seed 001; `currency` from seed 000)
-- ---------------------------------------------------------------------------
CREATE TABLE merchants (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Business information
  business_name VARCHAR(200) NOT NULL,
  legal_name    VARCHAR(200),
  business_type VARCHAR(50), -- corporation, llc, sole_proprietorship
  tax_id        VARCHAR(50),
  -- Contact information
  email   VARCHAR(255) NOT NULL UNIQUE,
  phone   VARCHAR(20),
  website VARCHAR(255),
  -- Address
  address JSONB NOT NULL,
  -- Preferred currency (seed 000 merchants.currency)
  currency VARCHAR(3) NOT NULL DEFAULT 'USD',
  -- Account status
  status              VARCHAR(20) NOT NULL DEFAULT 'pending',
  verification_status VARCHAR(20) DEFAULT 'unverified',
  -- Processing configuration
  processing_config JSONB DEFAULT '{}',
  fee_structure     JSONB DEFAULT '{}',
  -- Risk and limits
  risk_level    VARCHAR(10) DEFAULT 'medium',
  daily_limit   BIGINT,
  monthly_limit BIGINT,
  -- Audit
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  CONSTRAINT valid_merchant_status CHECK (
    status IN ('pending', 'active', 'suspended', 'closed')
  ),
  -- ours
  CONSTRAINT merchants_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT merchants_valid_risk_level CHECK (risk_level IN ('low', 'medium', 'high') OR risk_level IS NULL),
  CONSTRAINT merchants_limits_positive CHECK (
    (daily_limit IS NULL OR daily_limit > 0) AND (monthly_limit IS NULL OR monthly_limit > 0)
  )
);
CREATE TRIGGER merchants_set_updated_at BEFORE UPDATE ON merchants
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Seed 000's merchants.user_id (ON DELETE CASCADE), modelled as a membership with
-- a role because a merchant has a team. Deleting a user removes their
-- memberships; deleting a merchant removes its team.
CREATE TABLE merchant_members (
  merchant_id UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  user_id     UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  role        VARCHAR(20) NOT NULL DEFAULT 'owner',
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  PRIMARY KEY (merchant_id, user_id),
  CONSTRAINT valid_member_role CHECK (role IN ('owner', 'admin', 'developer', 'analyst', 'support'))
);
-- Seed 000: "Index on user_id for joins".
CREATE INDEX idx_merchant_members_user ON merchant_members(user_id);

-- ---------------------------------------------------------------------------
-- merchant_api_keys (seed 001; replaces seed 000's merchants.api_key)
-- ---------------------------------------------------------------------------
CREATE TABLE merchant_api_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  -- Key information
  key_hash   VARCHAR(128) NOT NULL UNIQUE, -- Hashed API key
  key_prefix VARCHAR(20) NOT NULL,         -- First few chars for identification
  -- Permissions and scope
  -- NOT NULL is ours: an empty list already means "no permissions".
  permissions TEXT[] NOT NULL DEFAULT '{}',
  environment VARCHAR(20) NOT NULL DEFAULT 'live', -- live, test
  -- Status and lifecycle
  is_active    BOOLEAN DEFAULT true,
  expires_at   TIMESTAMP WITH TIME ZONE,
  last_used_at TIMESTAMP WITH TIME ZONE,
  -- Audit
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  created_by UUID,
  CONSTRAINT valid_environment CHECK (environment IN ('live', 'test'))
);
-- ours: the dashboard lists a merchant's keys.
CREATE INDEX idx_merchant_api_keys_merchant ON merchant_api_keys(merchant_id);

-- ---------------------------------------------------------------------------
-- customers (seed 001)
-- ---------------------------------------------------------------------------
CREATE TABLE customers (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id UUID NOT NULL REFERENCES merchants(id),
  livemode BOOLEAN NOT NULL DEFAULT false, -- ours
  -- Customer identification
  external_customer_id VARCHAR(100), -- Merchant's customer ID
  email VARCHAR(255),
  phone VARCHAR(20),
  -- Personal information (encrypted)
  encrypted_pii     BYTEA,
  encryption_key_id VARCHAR(100),
  -- Risk assessment
  risk_score DECIMAL(5,4) DEFAULT 0.0,
  risk_level VARCHAR(10) DEFAULT 'low',
  -- Behavioral data
  total_transactions   INTEGER DEFAULT 0,
  total_amount         BIGINT DEFAULT 0,
  first_transaction_at TIMESTAMP WITH TIME ZONE,
  last_transaction_at  TIMESTAMP WITH TIME ZONE,
  -- Status
  is_active BOOLEAN DEFAULT true,
  -- Audit
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  -- Unique constraint per merchant (and per mode: a merchant's test and live
  -- worlds may both hold their customer "42").
  CONSTRAINT customers_merchant_id_external_customer_id_key UNIQUE (merchant_id, livemode, external_customer_id),
  -- ours
  CONSTRAINT customers_valid_risk_level CHECK (risk_level IN ('low', 'medium', 'high') OR risk_level IS NULL),
  CONSTRAINT customers_pii_key_present CHECK (encrypted_pii IS NULL OR encryption_key_id IS NOT NULL)
);
-- ours: lists newest first within a merchant and mode.
CREATE INDEX idx_customers_merchant_created ON customers(merchant_id, livemode, created_at DESC);
CREATE TRIGGER customers_set_updated_at BEFORE UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- transactions (seed 001; seed 000's `payments`), partitioned by month
-- ---------------------------------------------------------------------------
-- PostgreSQL requires the partition key in the primary key and in every unique
-- constraint of a partitioned table, so the key is (id, created_at). `id` alone
-- stays unique in practice (gen_random_uuid), and every table that points at a
-- payment carries the payment's created_at beside its id: the composite foreign
-- key lets PostgreSQL enforce the reference and prune to one partition when
-- joining. The alternative, a global id-only unique index, does not exist for
-- partitioned tables; a trigger-maintained lookup table would add a write to the
-- hot path for nothing the composite key does not already give.
CREATE TABLE transactions (
  id UUID NOT NULL DEFAULT gen_random_uuid(),
  merchant_id UUID NOT NULL REFERENCES merchants(id),
  customer_id UUID REFERENCES customers(id) ON DELETE SET NULL,
  livemode BOOLEAN NOT NULL DEFAULT false, -- ours
  -- Financial data
  amount     BIGINT NOT NULL CHECK (amount > 0), -- Amount in smallest currency unit
  currency   VARCHAR(3) NOT NULL,
  fee_amount BIGINT DEFAULT 0,
  net_amount BIGINT GENERATED ALWAYS AS (amount - fee_amount) STORED,
  -- Transaction metadata
  status               VARCHAR(20) NOT NULL DEFAULT 'pending',
  payment_method_type  VARCHAR(20) NOT NULL,
  payment_method_token VARCHAR(100),
  -- Gateway information
  gateway_name           VARCHAR(50) NOT NULL,
  gateway_transaction_id VARCHAR(100),
  gateway_response       JSONB,
  -- Risk and compliance
  fraud_score       DECIMAL(5,4),
  risk_level        VARCHAR(10),
  compliance_status VARCHAR(20) DEFAULT 'pending',
  -- Audit trail
  description TEXT,
  metadata    JSONB DEFAULT '{}',
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  updated_at  TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  PRIMARY KEY (id, created_at),
  -- Constraints
  CONSTRAINT valid_status CHECK (
    status IN ('pending', 'authorized', 'captured', 'succeeded',
               'failed', 'cancelled', 'refunded', 'disputed')
  ),
  CONSTRAINT valid_risk_level CHECK (
    risk_level IN ('low', 'medium', 'high') OR risk_level IS NULL
  ),
  -- ours
  CONSTRAINT transactions_fee_non_negative CHECK (fee_amount >= 0),
  CONSTRAINT transactions_currency_iso CHECK (currency ~ '^[A-Z]{3}$')
) PARTITION BY RANGE (created_at);

-- Performance indexes (declared on the parent, created on every partition)
CREATE INDEX idx_transactions_merchant_created ON transactions(merchant_id, created_at DESC);
CREATE INDEX idx_transactions_customer ON transactions(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX idx_transactions_status ON transactions(status) WHERE status IN ('pending', 'failed');
CREATE INDEX idx_transactions_gateway ON transactions(gateway_name, gateway_transaction_id);
CREATE INDEX idx_transactions_amount_currency ON transactions(currency, amount);
-- Seed 000 payments: "Index on created_at for time-based analytics" (across merchants).
CREATE INDEX idx_transactions_created ON transactions(created_at DESC);
-- Partial index for high-risk transactions
CREATE INDEX idx_transactions_high_risk ON transactions(created_at DESC)
  WHERE risk_level = 'high' OR fraud_score > 0.8;

CREATE TRIGGER transactions_set_updated_at BEFORE UPDATE ON transactions
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Rows outside every monthly partition land here, so no insert ever fails for
-- want of a partition. The worker creates months ahead of time, so this stays
-- empty in normal operation.
CREATE TABLE transactions_default PARTITION OF transactions DEFAULT;

-- Automated partition creation function (seed 001), made idempotent so the
-- worker can call it on every run. The seed also creates a named
-- (merchant_id, created_at DESC) index on each partition; because the parent
-- already declares that index, PostgreSQL creates it on the partition by itself,
-- so we give that index the seed's name instead of building a duplicate that
-- every insert would have to maintain.
CREATE OR REPLACE FUNCTION create_monthly_partition(table_name TEXT, start_date DATE)
RETURNS VOID AS $$
DECLARE
  partition_name TEXT;
  index_name     TEXT;
  end_date       DATE;
  existing_index TEXT;
  default_name   TEXT;
  stray_rows     BOOLEAN;
BEGIN
  IF start_date <> date_trunc('month', start_date)::date THEN
    RAISE EXCEPTION 'create_monthly_partition: start_date % is not the first day of a month', start_date;
  END IF;
  partition_name := table_name || '_' || to_char(start_date, 'YYYY_MM');
  index_name := 'idx_' || partition_name || '_merchant_created';
  end_date := start_date + INTERVAL '1 month';

  IF to_regclass(format('%I', partition_name)) IS NOT NULL THEN
    RETURN;
  END IF;

  -- A month that already has rows in the default partition cannot be split out
  -- by CREATE ... PARTITION OF; say so plainly instead of PostgreSQL's generic
  -- constraint error.
  SELECT c.relname INTO default_name
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent = format('%I', table_name)::regclass
     AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF default_name IS NOT NULL THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE created_at >= %L AND created_at < %L)',
                   default_name, start_date, end_date) INTO stray_rows;
    IF stray_rows THEN
      RAISE EXCEPTION 'create_monthly_partition: % already holds rows for % .. %; move them before creating %',
        default_name, start_date, end_date, partition_name;
    END IF;
  END IF;

  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                 partition_name, table_name, start_date, end_date);

  SELECT ci.relname INTO existing_index
    FROM pg_index x JOIN pg_class ci ON ci.oid = x.indexrelid
   WHERE x.indrelid = format('%I', partition_name)::regclass
     AND pg_get_indexdef(x.indexrelid) LIKE '%(merchant_id, created_at DESC)'
   LIMIT 1;
  IF existing_index IS NOT NULL THEN
    EXECUTE format('ALTER INDEX %I RENAME TO %I', existing_index, index_name);
  ELSE
    EXECUTE format('CREATE INDEX %I ON %I (merchant_id, created_at DESC)', index_name, partition_name);
  END IF;
END;
$$ LANGUAGE plpgsql
-- Month boundaries are UTC whatever the caller's session time zone: otherwise a
-- month made from a New York session would start at 05:00 UTC and the next one,
-- made from a UTC session, would overlap it.
SET TimeZone = 'UTC';

-- Partitions for the twelve months before and the three months after the month
-- in which this migration runs; the worker keeps creating months ahead.
DO $$
DECLARE
  m INTEGER;
BEGIN
  FOR m IN -12..3 LOOP
    PERFORM create_monthly_partition('transactions',
      (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => m))::date);
  END LOOP;
END;
$$;

-- ---------------------------------------------------------------------------
-- payment_methods_vault (seed 001)
-- ---------------------------------------------------------------------------
-- Secure storage for tokenized payment methods
CREATE TABLE payment_methods_vault (
  token VARCHAR(100) PRIMARY KEY,
  customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  merchant_id UUID NOT NULL REFERENCES merchants(id),
  livemode BOOLEAN NOT NULL DEFAULT false, -- ours
  -- Encrypted payment data
  encrypted_data    BYTEA NOT NULL,
  encryption_key_id VARCHAR(100) NOT NULL,
  -- Metadata for identification
  payment_method_type VARCHAR(20) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  last_four   VARCHAR(4),
  brand       VARCHAR(20), -- Visa, Mastercard, etc.
  -- Expiration and lifecycle
  expires_at DATE,
  is_active  BOOLEAN DEFAULT true,
  -- Audit
  created_at   TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  last_used_at TIMESTAMP WITH TIME ZONE,
  -- Unique constraint to prevent duplicates
  UNIQUE (customer_id, fingerprint),
  -- ours: never more than the last four digits in clear.
  CONSTRAINT payment_methods_vault_last_four_digits CHECK (last_four IS NULL OR last_four ~ '^[0-9]{4}$')
);
-- Indexes for payment methods
CREATE INDEX idx_payment_methods_customer ON payment_methods_vault(customer_id, is_active);
CREATE INDEX idx_payment_methods_merchant ON payment_methods_vault(merchant_id);
CREATE INDEX idx_payment_methods_expires ON payment_methods_vault(expires_at)
  WHERE expires_at IS NOT NULL AND is_active = true;

-- ---------------------------------------------------------------------------
-- refunds (seed 001)
-- ---------------------------------------------------------------------------
CREATE TABLE refunds (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  transaction_id UUID NOT NULL,
  transaction_created_at TIMESTAMP WITH TIME ZONE NOT NULL, -- ours: see transactions
  merchant_id UUID NOT NULL REFERENCES merchants(id),        -- ours: tenancy scope
  livemode BOOLEAN NOT NULL DEFAULT false,                   -- ours
  -- Refund details
  amount   BIGINT NOT NULL CHECK (amount > 0),
  currency VARCHAR(3) NOT NULL,
  reason   VARCHAR(100),
  -- Processing information
  status            VARCHAR(20) NOT NULL DEFAULT 'pending',
  gateway_refund_id VARCHAR(100),
  -- Audit
  requested_by UUID REFERENCES users(user_id) ON DELETE SET NULL, -- User who requested refund
  processed_at TIMESTAMP WITH TIME ZONE,
  created_at   TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  CONSTRAINT refunds_transaction_fkey FOREIGN KEY (transaction_id, transaction_created_at)
    REFERENCES transactions(id, created_at),
  CONSTRAINT valid_refund_status CHECK (
    status IN ('pending', 'succeeded', 'failed', 'cancelled')
  )
);
-- ours: the refund cap sums a payment's refunds under its row lock.
CREATE INDEX idx_refunds_transaction ON refunds(transaction_id);
CREATE INDEX idx_refunds_merchant_created ON refunds(merchant_id, livemode, created_at DESC);

-- ---------------------------------------------------------------------------
-- disputes (seed 001)
-- ---------------------------------------------------------------------------
CREATE TABLE disputes (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  transaction_id UUID NOT NULL,
  transaction_created_at TIMESTAMP WITH TIME ZONE NOT NULL, -- ours: see transactions
  merchant_id UUID NOT NULL REFERENCES merchants(id),        -- ours: tenancy scope
  livemode BOOLEAN NOT NULL DEFAULT false,                   -- ours
  -- Dispute details
  dispute_type VARCHAR(50) NOT NULL, -- chargeback, inquiry, etc.
  reason_code  VARCHAR(20),
  amount   BIGINT NOT NULL,
  currency VARCHAR(3) NOT NULL,
  -- Status and timeline
  status   VARCHAR(20) NOT NULL DEFAULT 'open',
  due_date DATE,
  -- Evidence and documentation
  evidence JSONB DEFAULT '{}',
  merchant_response TEXT,
  -- Gateway information
  gateway_dispute_id VARCHAR(100),
  -- Audit
  created_at  TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at  TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  resolved_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT disputes_transaction_fkey FOREIGN KEY (transaction_id, transaction_created_at)
    REFERENCES transactions(id, created_at),
  CONSTRAINT valid_dispute_status CHECK (
    status IN ('open', 'under_review', 'won', 'lost', 'warning_closed')
  ),
  -- ours
  CONSTRAINT disputes_amount_positive CHECK (amount > 0)
);
CREATE INDEX idx_disputes_transaction ON disputes(transaction_id);
CREATE INDEX idx_disputes_merchant_created ON disputes(merchant_id, livemode, created_at DESC);
CREATE TRIGGER disputes_set_updated_at BEFORE UPDATE ON disputes
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- fraud_logs (seed 000, table 4; payments -> transactions)
-- ---------------------------------------------------------------------------
CREATE TABLE fraud_logs (
  fraud_log_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id UUID NOT NULL,
  payment_created_at TIMESTAMP WITH TIME ZONE NOT NULL, -- ours: see transactions
  merchant_id UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE, -- ours: tenancy scope
  livemode BOOLEAN NOT NULL DEFAULT false, -- ours
  risk_score DOUBLE PRECISION NOT NULL,
  is_fraudulent BOOLEAN NOT NULL DEFAULT false,
  details TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT fraud_logs_payment_fkey FOREIGN KEY (payment_id, payment_created_at)
    REFERENCES transactions(id, created_at) ON DELETE CASCADE,
  CONSTRAINT fraud_logs_risk_score_range CHECK (risk_score >= 0 AND risk_score <= 100)
);
CREATE INDEX idx_fraud_logs_payment ON fraud_logs(payment_id);
CREATE INDEX idx_fraud_logs_is_fraudulent ON fraud_logs(is_fraudulent);
CREATE INDEX idx_fraud_logs_created ON fraud_logs(created_at);

-- ---------------------------------------------------------------------------
-- daily_transaction_summaries (seed 001; seed 000's `analytics`)
-- ---------------------------------------------------------------------------
CREATE TABLE daily_transaction_summaries (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE, -- 000: analytics ON DELETE CASCADE
  livemode BOOLEAN NOT NULL DEFAULT false, -- ours
  -- Date and currency
  summary_date DATE NOT NULL,
  currency VARCHAR(3) NOT NULL,
  -- Volume metrics
  transaction_count INTEGER NOT NULL DEFAULT 0,
  successful_count  INTEGER NOT NULL DEFAULT 0,
  failed_count      INTEGER NOT NULL DEFAULT 0,
  refunded_count    INTEGER NOT NULL DEFAULT 0,
  -- Amount metrics
  gross_amount    BIGINT NOT NULL DEFAULT 0,
  fee_amount      BIGINT NOT NULL DEFAULT 0,
  net_amount      BIGINT NOT NULL DEFAULT 0,
  refunded_amount BIGINT NOT NULL DEFAULT 0,
  -- Performance metrics
  success_rate DECIMAL(5,4) GENERATED ALWAYS AS (
    CASE WHEN transaction_count > 0
      THEN successful_count::DECIMAL / transaction_count
      ELSE 0 END
  ) STORED,
  -- Risk metrics
  high_risk_count INTEGER DEFAULT 0,
  fraud_count     INTEGER DEFAULT 0,
  dispute_count   INTEGER DEFAULT 0,
  fraud_attempts  INTEGER NOT NULL DEFAULT 0, -- seed 000 analytics.fraud_attempts
  -- Timestamps
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  -- Unique constraint (per mode, like every merchant-owned row)
  CONSTRAINT daily_summaries_merchant_date_currency_key
    UNIQUE (merchant_id, livemode, summary_date, currency),
  -- ours: a success rate above 100% cannot be stored.
  CONSTRAINT daily_summaries_counts_consistent CHECK (
    successful_count >= 0 AND failed_count >= 0 AND refunded_count >= 0
    AND successful_count + failed_count <= transaction_count
  )
);
-- Indexes for analytics queries
CREATE INDEX idx_daily_summaries_merchant_date ON daily_transaction_summaries(merchant_id, summary_date DESC);
CREATE INDEX idx_daily_summaries_date ON daily_transaction_summaries(summary_date DESC);
-- Seed 000 analytics: "Index on success_rate for sorting".
CREATE INDEX idx_daily_summaries_success_rate ON daily_transaction_summaries(success_rate);
CREATE TRIGGER daily_transaction_summaries_set_updated_at BEFORE UPDATE ON daily_transaction_summaries
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- merchant_balances (seed 001, "Update merchant balance atomically")
-- ---------------------------------------------------------------------------
-- One row per merchant, mode and currency. Balances may go negative (a refund
-- larger than what is available), as on Stripe, so there is no sign CHECK.
CREATE TABLE merchant_balances (
  merchant_id UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode BOOLEAN NOT NULL DEFAULT false,
  currency VARCHAR(3) NOT NULL,
  available_balance BIGINT NOT NULL DEFAULT 0,
  pending_balance   BIGINT NOT NULL DEFAULT 0,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  PRIMARY KEY (merchant_id, livemode, currency),
  CONSTRAINT merchant_balances_currency_iso CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE TRIGGER merchant_balances_set_updated_at BEFORE UPDATE ON merchant_balances
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- merchant_monthly_stats (seed 001 materialized view)
-- ---------------------------------------------------------------------------
-- Months are cut in UTC so the view does not depend on the session time zone.
CREATE MATERIALIZED VIEW merchant_monthly_stats AS
SELECT
  merchant_id,
  livemode,
  DATE_TRUNC('month', created_at, 'UTC') AS month,
  currency,
  COUNT(*) AS transaction_count,
  COUNT(*) FILTER (WHERE status = 'succeeded') AS successful_count,
  SUM(amount) FILTER (WHERE status = 'succeeded') AS total_amount,
  AVG(amount) FILTER (WHERE status = 'succeeded') AS avg_amount,
  COUNT(*) FILTER (WHERE risk_level = 'high') AS high_risk_count
FROM transactions
WHERE created_at >= CURRENT_DATE - INTERVAL '2 years'
GROUP BY merchant_id, livemode, DATE_TRUNC('month', created_at, 'UTC'), currency;

-- REFRESH ... CONCURRENTLY (run daily by the worker) needs a unique index.
CREATE UNIQUE INDEX merchant_monthly_stats_key ON merchant_monthly_stats(merchant_id, livemode, month, currency);
CREATE INDEX idx_merchant_monthly_stats ON merchant_monthly_stats(merchant_id, month DESC);
