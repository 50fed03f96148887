-- Catalog: the shared trigger, subscription plans (seeded) and the PostgreSQL clusters agencies live on.
-- migrate:up
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE TABLE subscription_plans (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  max_users integer NOT NULL CHECK (max_users > 0),
  max_projects integer NOT NULL CHECK (max_projects > 0),
  storage_mb integer NOT NULL CHECK (storage_mb > 0),
  price_inr numeric(12, 2) NOT NULL CHECK (price_inr >= 0),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER subscription_plans_updated_at BEFORE UPDATE ON subscription_plans
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

INSERT INTO subscription_plans (code, name, max_users, max_projects, storage_mb, price_inr) VALUES
  ('starter', 'Starter', 5, 10, 1024, 0),
  ('pro', 'Pro', 50, 250, 20480, 4999),
  ('enterprise', 'Enterprise', 1000, 10000, 512000, 49999);

-- Where an agency's database lives. The DSNs themselves are secrets: the catalog holds only the
-- name of the environment variable that carries each one.
CREATE TABLE clusters (
  name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]{0,62}$'),
  direct_dsn_ref text NOT NULL CHECK (direct_dsn_ref ~ '^[A-Z][A-Z0-9_]*$'),
  pooler_dsn_ref text NOT NULL CHECK (pooler_dsn_ref ~ '^[A-Z][A-Z0-9_]*$'),
  accepts_new_agencies boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER clusters_updated_at BEFORE UPDATE ON clusters
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

INSERT INTO clusters (name, direct_dsn_ref, pooler_dsn_ref) VALUES ('local', 'DATABASE_URL', 'POOLER_URL');

-- migrate:down
DROP TABLE clusters;
DROP TABLE subscription_plans;
DROP FUNCTION set_updated_at();
