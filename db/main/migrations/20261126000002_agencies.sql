-- Catalog: agencies (one database each) and their lifecycle audit trail.
-- migrate:up
CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 100),
  -- Lower-case host name; unique among agencies that still exist.
  domain text CHECK (domain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'),
  -- The one pattern every agency database name matches before it reaches SQL.
  database_name text NOT NULL UNIQUE
    CHECK (database_name ~ '^agency_[a-z0-9_]+_[0-9a-f]{8}$' AND octet_length(database_name) <= 63),
  subscription_plan text NOT NULL REFERENCES subscription_plans (code),
  status text NOT NULL DEFAULT 'provisioning'
    CHECK (status IN ('provisioning', 'active', 'suspended', 'archived', 'deleted', 'failed')),
  cluster text NOT NULL DEFAULT 'local' REFERENCES clusters (name),
  -- Migration ledger: the latest tenant migration applied to this agency's database.
  schema_version text CHECK (schema_version ~ '^[0-9]+$'),
  migrated_at timestamptz,
  last_migration_error text,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The database name carries the first 8 hex digits of the id.
  CHECK (right(database_name, 8) = left(replace(id::text, '-', ''), 8))
);
CREATE UNIQUE INDEX agencies_domain_key ON agencies (domain) WHERE status NOT IN ('deleted', 'failed');
CREATE INDEX agencies_status_idx ON agencies (status);
CREATE INDEX agencies_subscription_plan_idx ON agencies (subscription_plan);
CREATE INDEX agencies_cluster_idx ON agencies (cluster);
CREATE INDEX agencies_schema_version_idx ON agencies (schema_version);
CREATE TRIGGER agencies_updated_at BEFORE UPDATE ON agencies
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE agency_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  event text NOT NULL CHECK (event ~ '^[a-z][a-z_.]{1,62}$'),
  from_status text,
  to_status text,
  actor text NOT NULL DEFAULT 'system',
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_events_agency_id_idx ON agency_events (agency_id, created_at);

-- migrate:down
DROP TABLE agency_events;
DROP TABLE agencies;
