-- Catalog: platform operators, and the directory that makes login one index lookup.
-- migrate:up
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  password_hash text NOT NULL,
  full_name text NOT NULL CHECK (char_length(full_name) BETWEEN 1 AND 100),
  role text NOT NULL DEFAULT 'operator' CHECK (role IN ('owner', 'operator', 'viewer')),
  is_active boolean NOT NULL DEFAULT true,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- email → (agency, user id inside that agency's database). A user may belong to several agencies.
CREATE TABLE user_directory (
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (email, agency_id),
  UNIQUE (agency_id, user_id)
);
CREATE TRIGGER user_directory_updated_at BEFORE UPDATE ON user_directory
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down
DROP TABLE user_directory;
DROP TABLE users;
