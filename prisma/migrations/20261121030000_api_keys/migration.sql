-- API key management (seed 001 `merchant_api_keys`). Every seed column stays as
-- it is; the columns and constraints below are ours: what the Developers → API
-- keys page and the key lookup need and the seed lacks.

ALTER TABLE merchant_api_keys
  -- ours: a label the merchant chooses ("Production server", "Zapier").
  ADD COLUMN name        VARCHAR(100),
  -- ours: Stripe's three kinds of key. Existing rows (none outside tests) were secret keys.
  ADD COLUMN key_type    VARCHAR(20) NOT NULL DEFAULT 'secret',
  -- ours: when the key was revoked (is_active alone cannot say when, or why).
  ADD COLUMN revoked_at  TIMESTAMP WITH TIME ZONE,
  -- ours: the key a roll replaced; the old key keeps working until its expires_at.
  ADD COLUMN rolled_from UUID REFERENCES merchant_api_keys(id) ON DELETE SET NULL,
  ADD CONSTRAINT merchant_api_keys_valid_key_type
    CHECK (key_type IN ('secret', 'publishable', 'restricted')),
  -- ours: only restricted keys carry per-resource permissions, each
  -- `<resource>:<none|read|write>`; secret keys can do everything and
  -- publishable keys only what hosted checkout allows, so theirs stay empty.
  ADD CONSTRAINT merchant_api_keys_permissions_shape CHECK (
    CASE WHEN key_type = 'restricted'
      THEN array_to_string(permissions, ' ') ~ '^([a-z_]+:(none|read|write)( |$))*$'
      ELSE cardinality(permissions) = 0
    END
  ),
  -- ours: a revoked key is never active again.
  ADD CONSTRAINT merchant_api_keys_revoked_inactive CHECK (revoked_at IS NULL OR is_active = false);
