-- Catalog: cold agencies (issue 26). An agency inactive past its plan's period is warned, then its
-- database becomes a verified dump (`cooling` while it is taken, answering 423, then `cold`: no
-- database, no pool); its first use restores it (`waking`, answering 503 agency_waking).
-- * agencies.last_active_at: its latest login or agency-token request, written by each API instance
--   at most once a minute per agency (src/tenancy/activity.ts).
-- * agencies.cold_warned_at: when the pending warning was sent; cleared by activity after it.
-- * subscription_plans.cold_after_seconds: inactivity after which the plan's agencies go cold (null:
--   never); cold_warning_seconds: how long before that the warning goes out.
-- * lifecycle_outbox: notifications written in the transaction that records the event, delivered as
--   signed webhooks by a loop that retries with backoff (src/tenancy/cold/outbox.ts).
-- migrate:up
ALTER TABLE agencies DROP CONSTRAINT agencies_status_check;
ALTER TABLE agencies ADD CONSTRAINT agencies_status_check
  CHECK (status IN ('provisioning', 'active', 'suspended', 'archiving', 'archived', 'cooling', 'cold',
    'waking', 'deleted', 'failed'));
ALTER TABLE agencies ADD COLUMN last_active_at timestamptz;
ALTER TABLE agencies ADD COLUMN cold_warned_at timestamptz;

ALTER TABLE subscription_plans ADD COLUMN cold_after_seconds integer CHECK (cold_after_seconds > 0);
ALTER TABLE subscription_plans ADD COLUMN cold_warning_seconds integer NOT NULL DEFAULT 604800
  CHECK (cold_warning_seconds >= 0);
-- Free plans go cold after 60 days of inactivity; paid plans never.
UPDATE subscription_plans SET cold_after_seconds = 60 * 86400 WHERE price_inr = 0;

CREATE TABLE lifecycle_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  event text NOT NULL CHECK (event ~ '^[a-z][a-z_.]{1,62}$'),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Delivery: the next attempt is due at next_attempt_at (a claim pushes it past the attempt's timeout,
  -- so one instance posts it at a time); delivered_at or gave_up_at ends it.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  gave_up_at timestamptz
);
CREATE INDEX lifecycle_outbox_due ON lifecycle_outbox (next_attempt_at)
  WHERE delivered_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX agencies_cold_candidates ON agencies (subscription_plan, last_active_at) WHERE status = 'active';

-- migrate:down
DROP INDEX agencies_cold_candidates;
DROP TABLE lifecycle_outbox;
ALTER TABLE subscription_plans DROP COLUMN cold_warning_seconds;
ALTER TABLE subscription_plans DROP COLUMN cold_after_seconds;
ALTER TABLE agencies DROP COLUMN cold_warned_at;
ALTER TABLE agencies DROP COLUMN last_active_at;
UPDATE agencies SET status = 'archived' WHERE status IN ('cooling', 'cold', 'waking');
ALTER TABLE agencies DROP CONSTRAINT agencies_status_check;
ALTER TABLE agencies ADD CONSTRAINT agencies_status_check
  CHECK (status IN ('provisioning', 'active', 'suspended', 'archiving', 'archived', 'deleted', 'failed'));
