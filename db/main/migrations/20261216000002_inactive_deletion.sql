-- Catalog: deleting agencies after a long inactivity (optional per plan, off by default). A cold
-- agency past its plan's delete_after_seconds of inactivity is warned (agencies.deletion_warned_at),
-- and deleted once the warning has had the plan's cold_warning_seconds; its last dump is kept for
-- DELETED_DUMP_KEEP after that (src/tenancy/cold/deletion.ts).
-- migrate:up
ALTER TABLE subscription_plans ADD COLUMN delete_after_seconds integer CHECK (delete_after_seconds > 0);
ALTER TABLE agencies ADD COLUMN deletion_warned_at timestamptz;

-- migrate:down
ALTER TABLE agencies DROP COLUMN deletion_warned_at;
ALTER TABLE subscription_plans DROP COLUMN delete_after_seconds;
