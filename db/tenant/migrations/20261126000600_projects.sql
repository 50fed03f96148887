-- migrate:up
-- Projects: job categories, projects, project members, milestones, tasks, task comments, time entries.

CREATE TABLE job_categories (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                text NOT NULL UNIQUE,      -- Branding, Digital Marketing, Web Development, Print ...
    description         text,
    sac_code            text CHECK (sac_code ~ '^[0-9]{4,8}$'),   -- default SAC for billing, e.g. 998361
    default_hourly_rate numeric(14,2) CHECK (default_hourly_rate >= 0),
    is_active           boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER job_categories_set_updated_at BEFORE UPDATE ON job_categories
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE projects (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    project_code    text UNIQUE,
    client_id       uuid REFERENCES clients (id) ON DELETE SET NULL,
    job_category_id uuid REFERENCES job_categories (id) ON DELETE SET NULL,
    department_id   uuid REFERENCES departments (id) ON DELETE SET NULL,
    manager_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    status          text NOT NULL DEFAULT 'planning'
                    CHECK (status IN ('planning', 'active', 'on_hold', 'completed', 'cancelled')),
    billing_type    text NOT NULL DEFAULT 'fixed'
                    CHECK (billing_type IN ('fixed', 'time_and_material', 'retainer', 'non_billable')),
    start_date      date,
    end_date        date,
    budget          numeric(14,2) CHECK (budget >= 0),
    description     text,
    completed_at    timestamptz,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX projects_client_id_idx ON projects (client_id);
CREATE INDEX projects_job_category_id_idx ON projects (job_category_id);
CREATE INDEX projects_department_id_idx ON projects (department_id);
CREATE INDEX projects_manager_id_idx ON projects (manager_id);
CREATE INDEX projects_created_by_idx ON projects (created_by);
CREATE INDEX projects_status_idx ON projects (status);
CREATE INDEX projects_start_date_idx ON projects (start_date);
CREATE INDEX projects_end_date_idx ON projects (end_date);
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE project_members (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        text NOT NULL DEFAULT 'member' CHECK (role IN ('manager', 'member', 'viewer')),
    hourly_rate numeric(14,2) CHECK (hourly_rate >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, user_id)
);
-- project_id is the leading column of project_members_project_id_user_id_key.
CREATE INDEX project_members_user_id_idx ON project_members (user_id);
CREATE TRIGGER project_members_set_updated_at BEFORE UPDATE ON project_members
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE milestones (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name         text NOT NULL,
    description  text,
    due_date     date,
    amount       numeric(14,2) CHECK (amount >= 0),   -- billing milestone value, if any
    status       text NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'in_progress', 'completed', 'cancelled')),
    completed_at timestamptz,
    position     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX milestones_project_id_idx ON milestones (project_id);
CREATE INDEX milestones_status_idx ON milestones (status);
CREATE INDEX milestones_due_date_idx ON milestones (due_date);
CREATE TRIGGER milestones_set_updated_at BEFORE UPDATE ON milestones
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE tasks (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id      uuid REFERENCES projects (id) ON DELETE CASCADE,
    milestone_id    uuid REFERENCES milestones (id) ON DELETE SET NULL,
    parent_task_id  uuid REFERENCES tasks (id) ON DELETE CASCADE,
    title           text NOT NULL CHECK (btrim(title) <> ''),
    description     text,
    status          text NOT NULL DEFAULT 'todo'
                    CHECK (status IN ('todo', 'in_progress', 'review', 'done', 'cancelled')),
    priority        text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    assignee_id     uuid REFERENCES users (id) ON DELETE SET NULL,
    reporter_id     uuid REFERENCES users (id) ON DELETE SET NULL,
    start_date      date,
    due_date        date,
    estimated_hours numeric(8,2) CHECK (estimated_hours >= 0),
    completed_at    timestamptz,
    position        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_task_id IS NULL OR parent_task_id <> id),
    CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date)
);
CREATE INDEX tasks_project_id_idx ON tasks (project_id);
CREATE INDEX tasks_milestone_id_idx ON tasks (milestone_id);
CREATE INDEX tasks_parent_task_id_idx ON tasks (parent_task_id);
CREATE INDEX tasks_assignee_id_idx ON tasks (assignee_id);
CREATE INDEX tasks_reporter_id_idx ON tasks (reporter_id);
CREATE INDEX tasks_status_idx ON tasks (status);
CREATE INDEX tasks_priority_idx ON tasks (priority);
CREATE INDEX tasks_due_date_idx ON tasks (due_date);
CREATE TRIGGER tasks_set_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE task_comments (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id    uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (btrim(body) <> ''),
    edited_at  timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_comments_task_id_idx ON task_comments (task_id);
CREATE INDEX task_comments_user_id_idx ON task_comments (user_id);
CREATE TRIGGER task_comments_set_updated_at BEFORE UPDATE ON task_comments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE time_entries (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    task_id     uuid REFERENCES tasks (id) ON DELETE SET NULL,
    entry_date  date NOT NULL DEFAULT current_date,
    hours       numeric(5,2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    started_at  timestamptz,
    ended_at    timestamptz,
    description text,
    is_billable boolean NOT NULL DEFAULT true,
    hourly_rate numeric(14,2) CHECK (hourly_rate >= 0),
    status      text NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'invoiced')),
    approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX time_entries_user_id_idx ON time_entries (user_id);
CREATE INDEX time_entries_project_id_idx ON time_entries (project_id);
CREATE INDEX time_entries_task_id_idx ON time_entries (task_id);
CREATE INDEX time_entries_approved_by_idx ON time_entries (approved_by);
CREATE INDEX time_entries_entry_date_idx ON time_entries (entry_date);
CREATE INDEX time_entries_status_idx ON time_entries (status);
CREATE TRIGGER time_entries_set_updated_at BEFORE UPDATE ON time_entries
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE time_entries;
DROP TABLE task_comments;
DROP TABLE tasks;
DROP TABLE milestones;
DROP TABLE project_members;
DROP TABLE projects;
DROP TABLE job_categories;
