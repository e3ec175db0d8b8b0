-- The sandbox processors' own book (lib/gateways/sandbox). Not ours in spirit:
-- it stands in for the ledger a real processor keeps on its side, so the
-- sandbox connectors behave like another system would: the same reference is
-- the same operation (processor-side idempotency), a capture cannot exceed the
-- authorization, refunds cannot exceed the capture, only an uncaptured
-- authorization can be voided. The connectors write it on their own
-- connection, never inside the caller's transaction.
--
-- Card data is masked: brand and last4 only; never the number or the CVC.

CREATE TABLE sandbox_gateway_operations (
  id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The connector's name, as in transactions.gateway_name.
  gateway                VARCHAR(50) NOT NULL,
  -- Our idempotency reference for this operation; unique per processor.
  reference              VARCHAR(255) NOT NULL,
  operation              VARCHAR(20) NOT NULL,
  -- The authorization a capture, void or refund acts on.
  parent_id              UUID REFERENCES sandbox_gateway_operations(id) ON DELETE RESTRICT,
  -- The processor's id for this operation (charge, capture, void or refund id).
  gateway_transaction_id VARCHAR(100) NOT NULL,
  amount                 BIGINT NOT NULL,
  currency               VARCHAR(3) NOT NULL,
  status                 VARCHAR(20) NOT NULL,
  decline_code           VARCHAR(50),
  card_brand             VARCHAR(20),
  card_last4             CHAR(4),
  -- Running totals of an approved authorization, updated under its row lock
  -- together with the child row; the CHECKs are the backstop for the bounds.
  captured_amount        BIGINT NOT NULL DEFAULT 0,
  refunded_amount        BIGINT NOT NULL DEFAULT 0,
  voided                 BOOLEAN NOT NULL DEFAULT false,
  -- The masked response, replayed for a repeated reference.
  response               JSONB NOT NULL,
  created_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT sandbox_gateway_operations_gateway_reference_key UNIQUE (gateway, reference),
  CONSTRAINT sandbox_gateway_operations_gateway_transaction_key UNIQUE (gateway, gateway_transaction_id),
  CONSTRAINT sandbox_gateway_operations_gateway_name CHECK (gateway ~ '^[a-z][a-z0-9_]{0,49}$'),
  CONSTRAINT sandbox_gateway_operations_reference_length CHECK (length(reference) BETWEEN 1 AND 255),
  CONSTRAINT sandbox_gateway_operations_valid_operation CHECK (
    operation IN ('authorize', 'capture', 'void', 'refund')
  ),
  CONSTRAINT sandbox_gateway_operations_valid_status CHECK (
    status IN ('approved', 'declined', 'requires_action')
  ),
  CONSTRAINT sandbox_gateway_operations_parent_unless_authorize CHECK (
    (operation = 'authorize') = (parent_id IS NULL)
  ),
  CONSTRAINT sandbox_gateway_operations_amount_non_negative CHECK (amount >= 0),
  CONSTRAINT sandbox_gateway_operations_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT sandbox_gateway_operations_decline_code_when_declined CHECK (
    (status = 'declined') = (decline_code IS NOT NULL)
  ),
  -- Only an authorization carries the (masked) card, and always does.
  CONSTRAINT sandbox_gateway_operations_card_on_authorize CHECK (
    (operation = 'authorize') = (card_last4 IS NOT NULL) AND (card_brand IS NULL) = (card_last4 IS NULL)
  ),
  CONSTRAINT sandbox_gateway_operations_last4_digits CHECK (card_last4 ~ '^[0-9]{4}$'),
  CONSTRAINT sandbox_gateway_operations_capture_bound CHECK (captured_amount BETWEEN 0 AND amount),
  CONSTRAINT sandbox_gateway_operations_refund_bound CHECK (refunded_amount BETWEEN 0 AND captured_amount),
  CONSTRAINT sandbox_gateway_operations_void_uncaptured CHECK (NOT (voided AND captured_amount > 0)),
  -- Totals move only on an approved authorization.
  CONSTRAINT sandbox_gateway_operations_totals_on_authorization CHECK (
    (operation = 'authorize' AND status = 'approved')
    OR (captured_amount = 0 AND refunded_amount = 0 AND NOT voided)
  ),
  CONSTRAINT sandbox_gateway_operations_response_object CHECK (jsonb_typeof(response) = 'object')
);
-- The operations on one authorization (refund sums, the book of a payment).
CREATE INDEX idx_sandbox_gateway_operations_parent ON sandbox_gateway_operations(parent_id)
  WHERE parent_id IS NOT NULL;
