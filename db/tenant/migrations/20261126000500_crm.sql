-- migrate:up
-- CRM: clients, client contacts, lead sources, leads, CRM activities (placed before projects/finance, which reference clients).

CREATE TABLE clients (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name               text NOT NULL CHECK (btrim(name) <> ''),
    legal_name         text,
    email              text,
    phone              text,
    website            text,
    gstin              text CHECK (gstin ~ '^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$'),
    pan                text CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    gst_treatment      text
                       CHECK (gst_treatment IN ('registered', 'unregistered', 'composition', 'consumer', 'sez', 'overseas')),
    address            text,
    city               text,
    state              text,
    state_code         text CHECK (state_code ~ '^[0-9]{2}$'),   -- GST state code, e.g. '27' Maharashtra
    pincode            text CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    country            text NOT NULL DEFAULT 'India',
    payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0),
    credit_limit       numeric(14,2) CHECK (credit_limit >= 0),
    account_manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
    notes              text,
    is_active          boolean NOT NULL DEFAULT true,
    created_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (gstin IS NULL OR state_code IS NULL OR left(gstin, 2) = state_code)
);
CREATE INDEX clients_name_idx ON clients (lower(name));
CREATE INDEX clients_email_idx ON clients (lower(email));
CREATE INDEX clients_gstin_idx ON clients (gstin);
CREATE INDEX clients_is_active_idx ON clients (is_active);
CREATE INDEX clients_account_manager_id_idx ON clients (account_manager_id);
CREATE INDEX clients_created_by_idx ON clients (created_by);
CREATE TRIGGER clients_set_updated_at BEFORE UPDATE ON clients
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE contacts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id   uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    first_name  text NOT NULL,
    last_name   text,
    email       text,
    phone       text,
    designation text,
    is_primary  boolean NOT NULL DEFAULT false,
    notes       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_client_id_idx ON contacts (client_id);
CREATE INDEX contacts_email_idx ON contacts (lower(email));
CREATE UNIQUE INDEX contacts_client_id_primary_key ON contacts (client_id) WHERE is_primary;
CREATE TRIGGER contacts_set_updated_at BEFORE UPDATE ON contacts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE lead_sources (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL UNIQUE,     -- Website, Referral, IndiaMART, LinkedIn, Walk-in ...
    description text,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER lead_sources_set_updated_at BEFORE UPDATE ON lead_sources
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE leads (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                text NOT NULL,
    company             text,
    email               text,
    phone               text,
    source_id           uuid REFERENCES lead_sources (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'contacted', 'qualified', 'proposal', 'won', 'lost')),
    estimated_value     numeric(14,2) CHECK (estimated_value >= 0),
    assigned_to         uuid REFERENCES users (id) ON DELETE SET NULL,
    notes               text,
    city                text,
    state               text,
    next_follow_up_date date,
    lost_reason         text,
    converted_client_id uuid REFERENCES clients (id) ON DELETE SET NULL,
    converted_at        timestamptz,
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leads_source_id_idx ON leads (source_id);
CREATE INDEX leads_assigned_to_idx ON leads (assigned_to);
CREATE INDEX leads_converted_client_id_idx ON leads (converted_client_id);
CREATE INDEX leads_created_by_idx ON leads (created_by);
CREATE INDEX leads_status_idx ON leads (status);
CREATE INDEX leads_email_idx ON leads (lower(email));
CREATE INDEX leads_next_follow_up_date_idx ON leads (next_follow_up_date);
CREATE TRIGGER leads_set_updated_at BEFORE UPDATE ON leads
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE crm_activities (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_type text NOT NULL
                  CHECK (activity_type IN ('call', 'email', 'meeting', 'note', 'task', 'whatsapp', 'site_visit')),
    subject       text NOT NULL,
    description   text,
    lead_id       uuid REFERENCES leads (id) ON DELETE CASCADE,
    client_id     uuid REFERENCES clients (id) ON DELETE CASCADE,
    contact_id    uuid REFERENCES contacts (id) ON DELETE CASCADE,
    owner_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
    scheduled_at  timestamptz,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (lead_id IS NOT NULL OR client_id IS NOT NULL OR contact_id IS NOT NULL)
);
CREATE INDEX crm_activities_lead_id_idx ON crm_activities (lead_id);
CREATE INDEX crm_activities_client_id_idx ON crm_activities (client_id);
CREATE INDEX crm_activities_contact_id_idx ON crm_activities (contact_id);
CREATE INDEX crm_activities_owner_id_idx ON crm_activities (owner_id);
CREATE INDEX crm_activities_status_idx ON crm_activities (status);
CREATE INDEX crm_activities_scheduled_at_idx ON crm_activities (scheduled_at);
CREATE TRIGGER crm_activities_set_updated_at BEFORE UPDATE ON crm_activities
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE crm_activities;
DROP TABLE leads;
DROP TABLE lead_sources;
DROP TABLE contacts;
DROP TABLE clients;
