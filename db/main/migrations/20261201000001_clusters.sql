-- Catalog: clusters as the directory's first-class entries (region, capacity, state, and references to
-- credentials held outside the catalog), a template and spare pool per cluster, an agency generation
-- that every move bumps, and the ledger of moves between clusters.
-- migrate:up
ALTER TABLE clusters
  ADD COLUMN region text NOT NULL DEFAULT 'local' CHECK (region ~ '^[a-z][a-z0-9-]{0,31}$'),
  -- open: takes new agencies; draining: serves its agencies, takes none; closed: serves none.
  ADD COLUMN state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'draining', 'closed')),
  ADD COLUMN max_agencies integer NOT NULL DEFAULT 10000 CHECK (max_agencies > 0),
  ADD COLUMN max_bytes bigint CHECK (max_bytes > 0),
  -- Like the other two: names of secrets (environment variables or keys of CLUSTER_SECRETS_FILE).
  ADD COLUMN pooler_admin_dsn_ref text CHECK (pooler_admin_dsn_ref ~ '^[A-Z][A-Z0-9_]*$'),
  -- A superuser of this cluster, used by the mover only (CREATE SUBSCRIPTION needs one on PostgreSQL 15).
  ADD COLUMN superuser_dsn_ref text CHECK (superuser_dsn_ref ~ '^[A-Z][A-Z0-9_]*$');
UPDATE clusters SET state = CASE WHEN accepts_new_agencies THEN 'open' ELSE 'draining' END,
  pooler_admin_dsn_ref = 'POOLER_ADMIN_URL', superuser_dsn_ref = 'CLUSTER_LOCAL_SUPERUSER_URL'
  WHERE name = 'local';
ALTER TABLE clusters DROP COLUMN accepts_new_agencies;
CREATE INDEX agencies_cluster_status_idx ON agencies (cluster, status);
DROP INDEX agencies_cluster_idx;

-- Bumped by every move: tells an instance that the agency's location changed.
ALTER TABLE agencies ADD COLUMN generation integer NOT NULL DEFAULT 1;
-- A move's final catch-up: writes get 503 until then (a mover that dies leaves it to expire).
ALTER TABLE agencies ADD COLUMN frozen_until timestamptz;

ALTER TABLE tenant_template ADD COLUMN cluster text NOT NULL DEFAULT 'local' REFERENCES clusters (name);
ALTER TABLE tenant_template DROP CONSTRAINT tenant_template_pkey;
ALTER TABLE tenant_template ADD PRIMARY KEY (cluster);
ALTER TABLE spare_databases ADD COLUMN cluster text NOT NULL DEFAULT 'local' REFERENCES clusters (name);
DROP INDEX spare_databases_ready_idx;
CREATE INDEX spare_databases_ready_idx ON spare_databases (cluster, schema_version, created_at) WHERE ready;

-- One row per move. `copying` claims the target database (the sweeper keeps it); `switched` means the
-- agency now lives on the target and the source is kept until drop_source_after; `done` once verified
-- and the source is dropped; `failed` once undone (the target dropped).
CREATE TABLE agency_moves (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  database_name text NOT NULL,
  source_cluster text NOT NULL REFERENCES clusters (name),
  target_cluster text NOT NULL REFERENCES clusters (name) CHECK (target_cluster <> source_cluster),
  state text NOT NULL DEFAULT 'copying' CHECK (state IN ('copying', 'switched', 'done', 'failed')),
  actor text NOT NULL DEFAULT 'system',
  drop_source_after timestamptz,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agency_moves_one_copying ON agency_moves (agency_id) WHERE state = 'copying';
CREATE INDEX agency_moves_pending_idx ON agency_moves (state) WHERE state IN ('copying', 'switched');
CREATE TRIGGER agency_moves_updated_at BEFORE UPDATE ON agency_moves
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down
DROP TABLE agency_moves;
DROP INDEX spare_databases_ready_idx;
ALTER TABLE spare_databases DROP COLUMN cluster;
CREATE INDEX spare_databases_ready_idx ON spare_databases (schema_version, created_at) WHERE ready;
ALTER TABLE tenant_template DROP CONSTRAINT tenant_template_pkey;
ALTER TABLE tenant_template DROP COLUMN cluster;
ALTER TABLE tenant_template ADD PRIMARY KEY (database_name);
ALTER TABLE agencies DROP COLUMN frozen_until, DROP COLUMN generation;
CREATE INDEX agencies_cluster_idx ON agencies (cluster);
DROP INDEX agencies_cluster_status_idx;
ALTER TABLE clusters ADD COLUMN accepts_new_agencies boolean NOT NULL DEFAULT true;
UPDATE clusters SET accepts_new_agencies = (state = 'open');
ALTER TABLE clusters DROP COLUMN superuser_dsn_ref, DROP COLUMN pooler_admin_dsn_ref, DROP COLUMN max_bytes,
  DROP COLUMN max_agencies, DROP COLUMN state, DROP COLUMN region;
