-- Catalog: the tenant template's schema version and the pool of spare agency databases cloned from it.
-- migrate:up
CREATE TABLE tenant_template (
  database_name text PRIMARY KEY CHECK (database_name ~ '^[a-z][a-z0-9_]{0,62}$'),
  schema_version text NOT NULL CHECK (schema_version ~ '^[0-9]+$'),
  migrated_at timestamptz NOT NULL DEFAULT now()
);

-- A spare is recorded before its database exists (ready = false), so a sweeper never mistakes one
-- being cloned for an orphan; it is handed out only when ready and at the template's version.
CREATE TABLE spare_databases (
  database_name text PRIMARY KEY CHECK (database_name ~ '^buildflow_spare_[0-9a-f]{12}$'),
  schema_version text NOT NULL CHECK (schema_version ~ '^[0-9]+$'),
  ready boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spare_databases_ready_idx ON spare_databases (schema_version, created_at) WHERE ready;

-- migrate:down
DROP TABLE spare_databases;
DROP TABLE tenant_template;
