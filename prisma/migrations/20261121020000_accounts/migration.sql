-- Merchant accounts: sign-in security state, password history, two-factor
-- recovery codes, team invitations, the outgoing mail outbox and the audit log.

-- ---------------------------------------------------------------------------
-- users: sign-in security state (ours)
-- ---------------------------------------------------------------------------
ALTER TABLE users
  ADD COLUMN failed_login_count    INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN locked_until          TIMESTAMP WITH TIME ZONE,
  ADD COLUMN password_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  ADD COLUMN last_sign_in_at       TIMESTAMP WITH TIME ZONE,
  -- TOTP shared secret, envelope-encrypted (lib/crypto/envelope.ts); the key id
  -- names the master key that wraps it, so keys can rotate.
  ADD COLUMN totp_secret_encrypted BYTEA,
  ADD COLUMN totp_key_id           VARCHAR(100),
  ADD COLUMN totp_enabled_at       TIMESTAMP WITH TIME ZONE,
  -- The last accepted 30-second step: a code is accepted once, never replayed.
  ADD COLUMN totp_last_step        BIGINT,
  ADD CONSTRAINT users_failed_login_count_non_negative CHECK (failed_login_count >= 0),
  ADD CONSTRAINT users_totp_key_present CHECK (totp_secret_encrypted IS NULL OR totp_key_id IS NOT NULL),
  ADD CONSTRAINT users_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret_encrypted IS NOT NULL);

-- The previous password hashes, so a change can refuse the last four.
CREATE TABLE password_history (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  password_hash VARCHAR(255) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_password_history_user ON password_history(user_id, created_at DESC);

-- Two-factor recovery codes: stored as keyed hashes, each usable once.
CREATE TABLE recovery_codes (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    UUID NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  code_hash  VARCHAR(128) NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT recovery_codes_user_code_key UNIQUE (user_id, code_hash)
);

-- ---------------------------------------------------------------------------
-- merchants: verification states (ours: the seed names only the default)
-- ---------------------------------------------------------------------------
ALTER TABLE merchants
  ADD COLUMN verification_notes TEXT,
  ADD CONSTRAINT merchants_valid_verification_status CHECK (
    verification_status IN ('unverified', 'pending', 'verified', 'failed') OR verification_status IS NULL
  ),
  ADD CONSTRAINT merchants_valid_business_type CHECK (
    business_type IN ('individual', 'sole_proprietorship', 'partnership', 'llc', 'corporation',
                      'non_profit', 'government_entity') OR business_type IS NULL
  );
CREATE INDEX idx_merchants_status ON merchants(status);

-- ---------------------------------------------------------------------------
-- Team invitations
-- ---------------------------------------------------------------------------
CREATE TABLE merchant_invitations (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id UUID NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  email       VARCHAR(255) NOT NULL,
  role        VARCHAR(20) NOT NULL,
  -- sha256 of the token in the invitation link; the token itself is only mailed.
  token_hash  VARCHAR(128) NOT NULL UNIQUE,
  invited_by  UUID REFERENCES users(user_id) ON DELETE SET NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at TIMESTAMP WITH TIME ZONE,
  accepted_by UUID REFERENCES users(user_id) ON DELETE SET NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  CONSTRAINT merchant_invitations_email_lowercase CHECK (email = lower(email)),
  CONSTRAINT merchant_invitations_valid_role CHECK (role IN ('owner', 'admin', 'developer', 'analyst', 'support'))
);
-- One open invitation per address and merchant.
CREATE UNIQUE INDEX idx_merchant_invitations_open ON merchant_invitations(merchant_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- ---------------------------------------------------------------------------
-- Outgoing mail. There is no mail server here: mail is written to this outbox
-- (a relay can deliver it where one exists) and shown by the development
-- mailbox page in demo mode.
-- ---------------------------------------------------------------------------
CREATE TABLE mail_outbox (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address  VARCHAR(255) NOT NULL,
  subject     VARCHAR(255) NOT NULL,
  body_text   TEXT NOT NULL,
  kind        VARCHAR(50) NOT NULL,
  user_id     UUID REFERENCES users(user_id) ON DELETE SET NULL,
  merchant_id UUID REFERENCES merchants(id) ON DELETE SET NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_mail_outbox_created ON mail_outbox(created_at DESC);
CREATE INDEX idx_mail_outbox_to ON mail_outbox(to_address, created_at DESC);

-- ---------------------------------------------------------------------------
-- Audit log: append-only record of security and admin events.
-- ---------------------------------------------------------------------------
-- No foreign keys on purpose: the record of who did what must outlive the user
-- or merchant it names. The actor's e-mail is copied for the same reason.
CREATE TABLE audit_log (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
  actor_user_id UUID,
  actor_email   VARCHAR(255),
  merchant_id   UUID,
  action        VARCHAR(100) NOT NULL,
  target_type   VARCHAR(50),
  target_id     VARCHAR(255),
  outcome       VARCHAR(20) NOT NULL,
  ip            VARCHAR(64),
  user_agent    VARCHAR(512),
  details       JSONB NOT NULL DEFAULT '{}',
  CONSTRAINT audit_log_valid_outcome CHECK (outcome IN ('success', 'failure', 'denied'))
);
CREATE INDEX idx_audit_log_occurred ON audit_log(occurred_at DESC);
CREATE INDEX idx_audit_log_merchant ON audit_log(merchant_id, occurred_at DESC) WHERE merchant_id IS NOT NULL;
CREATE INDEX idx_audit_log_actor ON audit_log(actor_user_id, occurred_at DESC) WHERE actor_user_id IS NOT NULL;
CREATE INDEX idx_audit_log_action ON audit_log(action, occurred_at DESC);

-- Append-only for every role, the table owner included: rows can be added and
-- read, never changed or removed. (A privilege REVOKE alone would not bind the
-- owner, which is the role the application connects as in a simple install.)
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
