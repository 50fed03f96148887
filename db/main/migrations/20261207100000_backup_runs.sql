-- Catalog: every backup run (a cluster's full, differential or incremental backup with the expiry of
-- what it puts past retention, a restore drill, the per-agency logical dumps), when it ran and how it
-- ended: what the console, `deno task stats` and /metrics show of backups, and what alerting reads
-- (a failed scheduled run is a row with ok = false, never just a log line).
-- migrate:up
CREATE TABLE backup_runs (
  id bigserial PRIMARY KEY,
  -- The cluster (its stanza); null for the fleet-wide logical dumps.
  cluster text REFERENCES clusters (name) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('full', 'diff', 'incr', 'verify', 'dumps')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- null while running, or when it was interrupted (its scheduler stopped, the process died).
  ok boolean,
  error text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX backup_runs_latest ON backup_runs (cluster, kind, started_at DESC);

-- migrate:down
DROP TABLE backup_runs;
