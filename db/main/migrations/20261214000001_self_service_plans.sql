-- Catalog: which plans a self-service signup may take. Nothing bills yet, so only free plans are
-- self-service; an operator puts an agency on any other (at a closed signup, or with
-- POST /api/admin/agencies/:id/plan). Agencies keep the plan they are on.
-- migrate:up
ALTER TABLE subscription_plans ADD COLUMN self_service boolean NOT NULL DEFAULT false;
UPDATE subscription_plans SET self_service = true WHERE price_inr = 0;

-- migrate:down
ALTER TABLE subscription_plans DROP COLUMN self_service;
