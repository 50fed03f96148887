-- Catalog: what keeps moves, replicas and fleet runs consistent where they meet.
-- * agencies.cluster_lsn: the position on the agency's cluster from which its data is complete there
--   (set by a move's switch): a replica of that cluster may serve the agency's reads only once it has
--   replayed this far, whatever an API instance remembers of writes on the previous cluster.
-- * agency_moves.owner: the process running a move. Every transition is a compare-and-set on the
--   expected state and this token, so a mover that lost its lock can neither switch nor undo a move
--   another process has taken over.
-- migrate:up
ALTER TABLE agencies ADD COLUMN cluster_lsn pg_lsn;
ALTER TABLE agency_moves ADD COLUMN owner uuid;

-- migrate:down
ALTER TABLE agency_moves DROP COLUMN owner;
ALTER TABLE agencies DROP COLUMN cluster_lsn;
