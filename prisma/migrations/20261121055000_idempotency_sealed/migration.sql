-- Stored first responses can hold personal data (a customer's name, address,
-- billing details) for their 24 hours. From now on they are sealed with the
-- envelope module (lib/crypto/envelope.ts): response_body then holds the
-- base64 of the sealed record and response_key_id names its master key.
-- Rows written before this migration (response_key_id NULL) stay readable as
-- they are and expire within a day.
ALTER TABLE idempotency_keys ADD COLUMN response_key_id VARCHAR(100);
