-- Catalog: `archiving`, the status that stops an agency's writes while its archive is taken (requests
-- get 423, the app role loses CONNECT), so every acknowledged write is in the archive.
-- migrate:up
ALTER TABLE agencies DROP CONSTRAINT agencies_status_check;
ALTER TABLE agencies ADD CONSTRAINT agencies_status_check
  CHECK (status IN ('provisioning', 'active', 'suspended', 'archiving', 'archived', 'deleted', 'failed'));

-- migrate:down
UPDATE agencies SET status = 'suspended' WHERE status = 'archiving';
ALTER TABLE agencies DROP CONSTRAINT agencies_status_check;
ALTER TABLE agencies ADD CONSTRAINT agencies_status_check
  CHECK (status IN ('provisioning', 'active', 'suspended', 'archived', 'deleted', 'failed'));
