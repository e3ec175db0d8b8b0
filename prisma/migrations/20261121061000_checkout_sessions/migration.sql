-- Hosted checkout: Checkout Sessions (Stripe's `checkout.session`, mode
-- `payment`) and their line items, plus the merchant's branding for the page.
-- Amounts are integers in the currency's minor unit; the session's totals are
-- the sum of its line items (written together by lib/checkout/create-checkout-session.ts).

CREATE TABLE checkout_sessions (
  id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id         UUID NOT NULL REFERENCES merchants(id),
  livemode            BOOLEAN NOT NULL DEFAULT false,
  mode                VARCHAR(20) NOT NULL DEFAULT 'payment',
  status              VARCHAR(20) NOT NULL DEFAULT 'open',
  payment_status      VARCHAR(30) NOT NULL DEFAULT 'unpaid',
  currency            VARCHAR(3) NOT NULL,
  amount_subtotal     BIGINT NOT NULL,
  amount_total        BIGINT NOT NULL,
  customer_id         UUID REFERENCES customers(id) ON DELETE SET NULL,
  customer_email      VARCHAR(255),
  success_url         VARCHAR(2048) NOT NULL,
  cancel_url          VARCHAR(2048),
  expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  metadata            JSONB NOT NULL DEFAULT '{}'::jsonb,
  -- What the PaymentIntent is created with: capture_method, description, metadata.
  payment_intent_data JSONB NOT NULL DEFAULT '{}'::jsonb,
  -- The payment (transactions.id) once the first pay attempt created it. No
  -- foreign key: transactions is partitioned by created_at and its key is
  -- (id, created_at). One session has at most one payment, and a payment
  -- belongs to at most one session (the unique index below).
  payment_id          UUID,
  completed_at        TIMESTAMP WITH TIME ZONE,
  expired_at          TIMESTAMP WITH TIME ZONE,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT checkout_sessions_valid_mode CHECK (mode IN ('payment')),
  CONSTRAINT checkout_sessions_valid_status CHECK (status IN ('open', 'complete', 'expired')),
  CONSTRAINT checkout_sessions_valid_payment_status CHECK (payment_status IN ('unpaid', 'paid', 'no_payment_required')),
  CONSTRAINT checkout_sessions_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT checkout_sessions_amounts_non_negative CHECK (
    amount_subtotal >= 0 AND amount_total >= 0 AND amount_total <= amount_subtotal
  ),
  CONSTRAINT checkout_sessions_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
  CONSTRAINT checkout_sessions_payment_intent_data_object CHECK (jsonb_typeof(payment_intent_data) = 'object'),
  -- Stripe's window: 30 minutes to 24 hours after creation (a minute of slack
  -- for the clock between the API's check and the insert).
  CONSTRAINT checkout_sessions_expiry_window CHECK (
    expires_at >= created_at + interval '29 minutes' AND expires_at <= created_at + interval '24 hours 1 minute'
  ),
  -- A complete session has its completion time and a payment; an expired one its expiry time.
  CONSTRAINT checkout_sessions_complete_consistent CHECK (
    status <> 'complete' OR (completed_at IS NOT NULL AND payment_id IS NOT NULL)
  ),
  CONSTRAINT checkout_sessions_expired_consistent CHECK (status <> 'expired' OR expired_at IS NOT NULL),
  -- Paid means complete: an open or expired session never says paid.
  CONSTRAINT checkout_sessions_paid_is_complete CHECK (payment_status <> 'paid' OR status = 'complete')
);

CREATE TRIGGER checkout_sessions_set_updated_at BEFORE UPDATE ON checkout_sessions
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The API's list (newest first, keyset on (created_at, id)) within a merchant and mode.
CREATE INDEX idx_checkout_sessions_merchant_mode_created
  ON checkout_sessions(merchant_id, livemode, created_at DESC, id DESC);
-- The worker's expiry sweep: only open sessions, by expiry time.
CREATE INDEX idx_checkout_sessions_open_expiry ON checkout_sessions(expires_at) WHERE status = 'open';
-- payment_intent filter, and from a PaymentIntent back to its session (3-D Secure return).
CREATE UNIQUE INDEX idx_checkout_sessions_payment ON checkout_sessions(payment_id) WHERE payment_id IS NOT NULL;

CREATE TABLE checkout_line_items (
  id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id      UUID NOT NULL REFERENCES checkout_sessions(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  -- price_data.product_data.name (Stripe's line item `description`).
  name            VARCHAR(250) NOT NULL,
  description     VARCHAR(500),
  images          TEXT[] NOT NULL DEFAULT '{}',
  currency        VARCHAR(3) NOT NULL,
  unit_amount     BIGINT NOT NULL,
  quantity        INTEGER NOT NULL,
  amount_subtotal BIGINT NOT NULL,
  amount_total    BIGINT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT checkout_line_items_session_position UNIQUE (session_id, position),
  CONSTRAINT checkout_line_items_position_non_negative CHECK (position >= 0),
  CONSTRAINT checkout_line_items_name_not_blank CHECK (length(btrim(name)) > 0),
  CONSTRAINT checkout_line_items_images_bounded CHECK (cardinality(images) <= 8),
  CONSTRAINT checkout_line_items_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT checkout_line_items_quantity_positive CHECK (quantity >= 1),
  -- unit_amount >= 0; the line's subtotal is unit_amount x quantity, exactly.
  CONSTRAINT checkout_line_items_amounts CHECK (
    unit_amount >= 0 AND amount_subtotal = unit_amount * quantity
    AND amount_total >= 0 AND amount_total <= amount_subtotal
  )
);

-- Branding of the hosted pages (Settings → Branding): an accent colour and a logo.
ALTER TABLE merchants
  ADD COLUMN brand_color VARCHAR(7),
  ADD COLUMN logo_url    VARCHAR(2048),
  ADD CONSTRAINT merchants_brand_color_hex CHECK (brand_color IS NULL OR brand_color ~ '^#[0-9a-f]{6}$'),
  -- The full check (a parseable URL, no credentials) is lib/checkout/redirect-url.ts;
  -- the database holds the line that matters for the page: https only.
  ADD CONSTRAINT merchants_logo_url_https CHECK (logo_url IS NULL OR logo_url ~ '^https://[^\s]+$');
