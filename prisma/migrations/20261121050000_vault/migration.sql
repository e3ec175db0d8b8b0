-- The card vault behind /v1/payment_methods (lib/vault). What Stripe's
-- PaymentMethod needs and seed 001's payment_methods_vault lacks. All ours.

-- ---------------------------------------------------------------------------
-- A PaymentMethod exists before it is attached to a customer and after it is
-- detached (Stripe's semantics), so customer_id becomes nullable. The seed's
-- UNIQUE (customer_id, fingerprint) still holds for attached cards (NULLs are
-- distinct): one customer never has the same card twice.
-- ---------------------------------------------------------------------------
ALTER TABLE payment_methods_vault ALTER COLUMN customer_id DROP NOT NULL;

-- encrypted_data holds the sealed card {number, expMonth, expYear} (never the
-- CVC). Expiry is not stored twice: expires_at is the last day of the expiry
-- month, and exp_month/exp_year are read back from it.
ALTER TABLE payment_methods_vault
  ADD COLUMN metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
  -- Stripe's card.funding; card.country (ISO 3166-1 alpha-2) when known.
  ADD COLUMN funding  VARCHAR(10) NOT NULL DEFAULT 'unknown',
  ADD COLUMN country  VARCHAR(2),
  -- card.checks.cvc_check: 'pass' when a CVC came with the card, else NULL.
  -- The CVC itself is used for one authorization and never stored.
  ADD COLUMN cvc_check VARCHAR(12),
  -- Billing details (name, email, phone, address) are personal data: sealed
  -- with the envelope module in a record of their own, so presenting a
  -- PaymentMethod never opens the card.
  ADD COLUMN encrypted_billing_details BYTEA,
  ADD COLUMN billing_details_key_id    VARCHAR(100),
  ADD COLUMN detached_at TIMESTAMP WITH TIME ZONE,
  ADD CONSTRAINT payment_methods_vault_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
  ADD CONSTRAINT payment_methods_vault_valid_funding
    CHECK (funding IN ('credit', 'debit', 'prepaid', 'unknown')),
  ADD CONSTRAINT payment_methods_vault_country_code CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT payment_methods_vault_valid_cvc_check
    CHECK (cvc_check IS NULL OR cvc_check IN ('pass', 'fail', 'unavailable', 'unchecked')),
  ADD CONSTRAINT payment_methods_vault_billing_key_present
    CHECK ((encrypted_billing_details IS NULL) = (billing_details_key_id IS NULL)),
  -- A detached PaymentMethod belongs to no customer and cannot be used again.
  ADD CONSTRAINT payment_methods_vault_detached_inactive
    CHECK (detached_at IS NULL OR (customer_id IS NULL AND is_active IS NOT TRUE));

-- GET /v1/customers/:id/payment_methods pages a customer's cards newest first.
CREATE INDEX idx_payment_methods_customer_created
  ON payment_methods_vault(customer_id, created_at DESC, token DESC) WHERE customer_id IS NOT NULL;
