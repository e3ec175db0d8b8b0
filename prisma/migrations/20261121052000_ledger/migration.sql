-- The ledger: balance transactions (Stripe's), double-entry lines, merchant
-- limit usage and the event outbox. All of it is ours; docs/ledger.md has the
-- chart of accounts and the entry written for each movement.

-- ---------------------------------------------------------------------------
-- balance_transactions: one movement of a merchant's balance, in Stripe's
-- terms (a charge, a refund, a refund failure, later disputes and
-- adjustments). amount is signed and gross, fee what the platform keeps, net
-- what reaches the merchant's balance. A charge is 'pending' until
-- available_on, when the worker moves its net to the available balance.
-- ---------------------------------------------------------------------------
CREATE TABLE balance_transactions (
  id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id  UUID NOT NULL REFERENCES merchants(id),
  livemode     BOOLEAN NOT NULL,
  currency     VARCHAR(3) NOT NULL,
  type         VARCHAR(30) NOT NULL,
  amount       BIGINT NOT NULL,
  fee          BIGINT NOT NULL DEFAULT 0,
  net          BIGINT NOT NULL,
  status       VARCHAR(20) NOT NULL DEFAULT 'pending',
  available_on TIMESTAMP WITH TIME ZONE NOT NULL,
  -- What caused the movement: a payment (transactions.id), a refund, … Not a
  -- foreign key: transactions is partitioned on (id, created_at).
  source_type  VARCHAR(30),
  source_id    UUID,
  description  VARCHAR(1000),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT balance_transactions_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT balance_transactions_valid_type CHECK (
    type IN ('charge', 'refund', 'refund_failure', 'adjustment', 'dispute', 'dispute_reversal')
  ),
  CONSTRAINT balance_transactions_valid_status CHECK (status IN ('pending', 'available')),
  CONSTRAINT balance_transactions_fee_non_negative CHECK (fee >= 0),
  CONSTRAINT balance_transactions_net_is_amount_less_fee CHECK (net = amount - fee),
  CONSTRAINT balance_transactions_valid_source_type CHECK (
    source_type IN ('payment', 'refund', 'dispute')
  ),
  CONSTRAINT balance_transactions_source_pair CHECK ((source_type IS NULL) = (source_id IS NULL)),
  -- A source posts each kind of movement once: a second postCharge for the
  -- same payment is refused instead of paying the merchant twice.
  CONSTRAINT balance_transactions_source_once UNIQUE (source_type, source_id, type)
);
-- The target of ledger_lines' composite key: a line belongs to its entry's
-- merchant, mode and currency, never another's. (An index rather than a
-- UNIQUE constraint: it can never be violated on its own, id being the key.)
CREATE UNIQUE INDEX balance_transactions_scope_key ON balance_transactions(id, merchant_id, livemode, currency);
-- GET /v1/balance_transactions: newest first per merchant and mode.
CREATE INDEX idx_balance_transactions_merchant_created
  ON balance_transactions(merchant_id, livemode, created_at DESC, id DESC);
-- ?source=pi_… and "the movements of this payment".
CREATE INDEX idx_balance_transactions_source ON balance_transactions(source_id);
-- The worker's release of due funds.
CREATE INDEX idx_balance_transactions_due ON balance_transactions(available_on) WHERE status = 'pending';

-- ---------------------------------------------------------------------------
-- ledger_lines: double entry. Every balance transaction is one or more
-- entries whose lines sum to zero (checked at commit by the trigger below).
-- Accounts (per merchant, mode and currency; signs: + is money owed to the
-- account's holder, so the merchant accounts' sums are the merchant's balances):
--   merchant_pending    the merchant's funds not yet available
--   merchant_available  the merchant's available funds (may go negative)
--   platform_fees       fees the platform earned on the merchant's charges
--   processor_clearing  money in flight with the card networks: the other side
--                       of every charge (−) and refund (+)
-- ---------------------------------------------------------------------------
CREATE TABLE ledger_lines (
  id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  balance_transaction_id UUID NOT NULL,
  merchant_id            UUID NOT NULL,
  livemode               BOOLEAN NOT NULL,
  currency               VARCHAR(3) NOT NULL,
  account                VARCHAR(30) NOT NULL,
  amount                 BIGINT NOT NULL,
  created_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT ledger_lines_balance_transaction_fkey
    FOREIGN KEY (balance_transaction_id, merchant_id, livemode, currency)
    REFERENCES balance_transactions(id, merchant_id, livemode, currency),
  CONSTRAINT ledger_lines_valid_account CHECK (
    account IN ('merchant_pending', 'merchant_available', 'platform_fees', 'processor_clearing')
  ),
  CONSTRAINT ledger_lines_amount_non_zero CHECK (amount <> 0)
);
CREATE INDEX idx_ledger_lines_balance_transaction ON ledger_lines(balance_transaction_id);
-- Sums per account (reconciliation, the property tests).
CREATE INDEX idx_ledger_lines_account ON ledger_lines(merchant_id, livemode, currency, account);

-- "Every entry balances", enforced by the database: at commit, the lines of
-- each balance transaction touched in the transaction must sum to zero. The
-- trigger is DEFERRABLE INITIALLY DEFERRED so an entry can be written line by
-- line; it fires once per written line, at COMMIT, and an unbalanced entry
-- makes the COMMIT fail (SQLSTATE 23514, constraint ledger_lines_balanced).
CREATE FUNCTION ledger_lines_check_balanced() RETURNS trigger AS $$
DECLARE
  entry UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.balance_transaction_id ELSE NEW.balance_transaction_id END;
  total NUMERIC;
BEGIN
  SELECT COALESCE(SUM(amount), 0) INTO total FROM ledger_lines WHERE balance_transaction_id = entry;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger entry % does not balance: its lines sum to %', entry, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_lines_balanced', TABLE = 'ledger_lines';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER ledger_lines_balanced
  AFTER INSERT OR UPDATE OR DELETE ON ledger_lines
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_lines_check_balanced();

-- ---------------------------------------------------------------------------
-- merchant_limit_usage: how much of merchants.daily_limit / monthly_limit each
-- UTC day and month has used. One upsert adds a payment to both periods under
-- their row locks (lib/ledger/merchant-limits.ts), so two concurrent payments
-- can never both fit where only one does. Amounts in other currencies than
-- the merchant's are recorded per currency but not capped (no FX table).
-- ---------------------------------------------------------------------------
CREATE TABLE merchant_limit_usage (
  merchant_id  UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode     BOOLEAN NOT NULL,
  currency     VARCHAR(3) NOT NULL,
  period       VARCHAR(5) NOT NULL,
  period_start DATE NOT NULL,
  used         BIGINT NOT NULL DEFAULT 0,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  PRIMARY KEY (merchant_id, livemode, currency, period, period_start),
  CONSTRAINT merchant_limit_usage_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT merchant_limit_usage_valid_period CHECK (period IN ('day', 'month')),
  CONSTRAINT merchant_limit_usage_month_starts_on_first CHECK (
    period <> 'month' OR EXTRACT(DAY FROM period_start) = 1
  ),
  CONSTRAINT merchant_limit_usage_used_non_negative CHECK (used >= 0)
);
CREATE TRIGGER merchant_limit_usage_set_updated_at BEFORE UPDATE ON merchant_limit_usage
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- events: the outbox. Every state change writes its event (Stripe's event
-- object) here in the same transaction; the webhooks worker publishes the
-- unpublished ones in order and stamps published_at. Nothing is published
-- that did not commit, and nothing that committed is lost.
-- ---------------------------------------------------------------------------
CREATE TABLE events (
  id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id      UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  livemode         BOOLEAN NOT NULL,
  type             VARCHAR(100) NOT NULL,
  api_version      VARCHAR(64) NOT NULL,
  -- { "object": {...}, "previous_attributes": {...}? }
  data             JSONB NOT NULL,
  request_id       VARCHAR(64),
  idempotency_key  VARCHAR(255),
  -- Delivery bookkeeping, written by the webhooks worker.
  pending_webhooks INTEGER NOT NULL DEFAULT 0,
  published_at     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT events_valid_type CHECK (type ~ '^[a-z_]+(\.[a-z_]+)+$'),
  CONSTRAINT events_data_has_object CHECK (jsonb_typeof(data -> 'object') IS NOT DISTINCT FROM 'object'),
  CONSTRAINT events_pending_webhooks_non_negative CHECK (pending_webhooks >= 0)
);
-- The relay's queue: unpublished events, oldest first.
CREATE INDEX idx_events_unpublished ON events(created_at, id) WHERE published_at IS NULL;
-- GET /v1/events (the webhooks issue): newest first per merchant and mode.
CREATE INDEX idx_events_merchant_created ON events(merchant_id, livemode, created_at DESC, id DESC);
