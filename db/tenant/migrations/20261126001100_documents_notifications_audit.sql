-- migrate:up
-- Documents (with versions), in-app notifications, and the audit log.

CREATE TABLE documents (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title           text NOT NULL,
    description     text,
    entity_type     text CHECK (entity_type IN ('project', 'task', 'client', 'lead', 'invoice', 'quotation',
                                                'employee', 'supplier', 'purchase_order', 'expense', 'general')),
    entity_id       uuid,           -- id of the owning record (polymorphic, see entity_type)
    current_version integer NOT NULL DEFAULT 1 CHECK (current_version > 0),
    file_name       text NOT NULL,
    mime_type       text,
    size_bytes      bigint CHECK (size_bytes >= 0),
    storage_key     text NOT NULL,
    tags            text[] NOT NULL DEFAULT '{}',
    is_archived     boolean NOT NULL DEFAULT false,
    uploaded_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (entity_id IS NULL OR entity_type IS NOT NULL)
);
CREATE INDEX documents_entity_type_entity_id_idx ON documents (entity_type, entity_id);
CREATE INDEX documents_uploaded_by_idx ON documents (uploaded_by);
CREATE INDEX documents_tags_idx ON documents USING gin (tags);
CREATE TRIGGER documents_set_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE document_versions (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id    uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version_number integer NOT NULL CHECK (version_number > 0),
    file_name      text NOT NULL,
    mime_type      text,
    size_bytes     bigint CHECK (size_bytes >= 0),
    storage_key    text NOT NULL,
    checksum       text,           -- e.g. sha256 hex
    change_note    text,
    uploaded_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, version_number)
);
-- document_id is the leading column of document_versions_document_id_version_number_key.
CREATE INDEX document_versions_uploaded_by_idx ON document_versions (uploaded_by);
CREATE TRIGGER document_versions_set_updated_at BEFORE UPDATE ON document_versions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        text NOT NULL,          -- e.g. 'task.assigned', 'invoice.overdue', 'leave.approved'
    title       text NOT NULL,
    body        text,
    link        text,
    data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    channel     text NOT NULL DEFAULT 'in_app' CHECK (channel IN ('in_app', 'email', 'sms', 'whatsapp', 'push')),
    read_at     timestamptz,
    sent_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_id_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_user_id_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_type_idx ON notifications (type);
CREATE TRIGGER notifications_set_updated_at BEFORE UPDATE ON notifications
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Append-only in practice; created_at is the time of the event.
CREATE TABLE audit_log (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid REFERENCES users (id) ON DELETE SET NULL,    -- actor; NULL = system
    action      text NOT NULL CHECK (btrim(action) <> ''),        -- 'create', 'update', 'delete', 'login' ...
    table_name  text,
    record_id   uuid,
    old_values  jsonb,
    new_values  jsonb,
    ip_address  inet,
    user_agent  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_user_id_idx ON audit_log (user_id);
CREATE INDEX audit_log_table_name_record_id_idx ON audit_log (table_name, record_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);
CREATE TRIGGER audit_log_set_updated_at BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE audit_log;
DROP TABLE notifications;
DROP TABLE document_versions;
DROP TABLE documents;
