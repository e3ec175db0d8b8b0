-- PaymentIntents and refunds over seed 001's `transactions` and `refunds`. The
-- seed's columns keep their meaning (status in the seed's set, amounts in minor
-- units, gateway fields); what Stripe's PaymentIntent needs beyond them is here.
-- How seed statuses present as Stripe statuses: lib/payments/status.ts.

ALTER TABLE transactions
  ADD COLUMN capture_method      VARCHAR(10) NOT NULL DEFAULT 'automatic',
  -- What can still be captured (authorized, uncaptured), what was captured,
  -- what was refunded. Maintained under the row lock of every state change.
  ADD COLUMN amount_capturable   BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN amount_received     BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN amount_refunded     BIGINT NOT NULL DEFAULT 0,
  -- Authorization attempts: the gateway reference of attempt n is "<id>:<n>",
  -- so a retried confirm never becomes a second charge at the processor.
  ADD COLUMN attempts            INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN last_payment_error  JSONB,
  ADD COLUMN next_action         JSONB,
  ADD COLUMN cancellation_reason VARCHAR(30),
  ADD COLUMN canceled_at         TIMESTAMP WITH TIME ZONE,
  -- When the amount was reserved against the merchant's limits (the confirm):
  -- a cancel or partial capture gives it back to that day and month.
  ADD COLUMN authorized_at       TIMESTAMP WITH TIME ZONE,
  ADD COLUMN captured_at         TIMESTAMP WITH TIME ZONE,
  ADD COLUMN statement_descriptor VARCHAR(22),
  ADD COLUMN receipt_email       VARCHAR(255),
  ADD CONSTRAINT transactions_valid_capture_method CHECK (capture_method IN ('automatic', 'manual')),
  ADD CONSTRAINT transactions_amounts_bounded CHECK (
    amount_capturable >= 0 AND amount_capturable <= amount
    AND amount_received >= 0 AND amount_received <= amount
    AND amount_refunded >= 0 AND amount_refunded <= amount_received
  ),
  ADD CONSTRAINT transactions_attempts_non_negative CHECK (attempts >= 0),
  ADD CONSTRAINT transactions_valid_cancellation_reason CHECK (
    cancellation_reason IS NULL OR cancellation_reason IN
      ('duplicate', 'fraudulent', 'requested_by_customer', 'abandoned', 'failed_invoice', 'void_invoice', 'automatic')
  );
-- The API finds a payment by id within a merchant and mode (every partition's
-- primary key starts with id, so this is for the list and the customer filter).
CREATE INDEX idx_transactions_merchant_mode_created ON transactions(merchant_id, livemode, created_at DESC, id DESC);

ALTER TABLE refunds
  ADD COLUMN metadata       JSONB NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN failure_reason VARCHAR(50),
  ADD CONSTRAINT refunds_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
  ADD CONSTRAINT refunds_valid_reason CHECK (
    reason IS NULL OR reason IN ('duplicate', 'fraudulent', 'requested_by_customer', 'expired_uncaptured_charge')
  );
