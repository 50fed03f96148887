-- migrate:up
-- Organization: agency-wide settings (key/value) and departments.

CREATE TABLE settings (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key         text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9_.-]+$'),
    value       jsonb NOT NULL DEFAULT '{}'::jsonb,
    description text,
    updated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX settings_updated_by_idx ON settings (updated_by);
CREATE TRIGGER settings_set_updated_at BEFORE UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE departments (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         text NOT NULL UNIQUE,
    code         text UNIQUE,
    description  text,
    parent_id    uuid REFERENCES departments (id) ON DELETE SET NULL,
    head_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    is_active    boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX departments_parent_id_idx ON departments (parent_id);
CREATE INDEX departments_head_user_id_idx ON departments (head_user_id);
CREATE TRIGGER departments_set_updated_at BEFORE UPDATE ON departments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE departments;
DROP TABLE settings;
