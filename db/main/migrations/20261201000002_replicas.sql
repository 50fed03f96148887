-- Catalog: streaming replicas of a cluster, each reached through its own PgBouncer with the app role.
-- Like a cluster's, its URL is a secret the row names (an environment variable or a key of
-- CLUSTER_SECRETS_FILE), never stored here.
-- migrate:up
CREATE TABLE cluster_replicas (
  cluster text NOT NULL REFERENCES clusters (name) ON DELETE CASCADE,
  name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{0,62}$'),
  pooler_dsn_ref text NOT NULL CHECK (pooler_dsn_ref ~ '^[A-Z][A-Z0-9_]*$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cluster, name)
);

-- migrate:down
DROP TABLE cluster_replicas;
