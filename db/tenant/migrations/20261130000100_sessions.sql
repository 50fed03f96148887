-- migrate:up
-- Sessions: a user's tokens issued before tokens_valid_after are refused (logout everywhere, a password
-- change, an operator's revocation), and single tokens are revoked by their jti until they expire.
ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz;

CREATE TABLE revoked_tokens (
    jti        uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revoked_tokens_user_id_idx ON revoked_tokens (user_id, expires_at);

-- migrate:down
DROP TABLE revoked_tokens;
ALTER TABLE users DROP COLUMN tokens_valid_after;
