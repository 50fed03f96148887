-- migrate:up
-- GST: HSN/SAC master, GST registrations (gst_settings), GST returns (GSTR-1/3B...), e-invoices (IRN).

CREATE TABLE hsn_sac_codes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code        text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4,8}$'),
    code_type   text NOT NULL CHECK (code_type IN ('hsn', 'sac')),   -- goods vs services
    description text NOT NULL,
    gst_rate    numeric(5,2) NOT NULL DEFAULT 18 CHECK (gst_rate IN (0, 0.25, 3, 5, 12, 18, 28)),
    cess_rate   numeric(5,2) NOT NULL DEFAULT 0 CHECK (cess_rate >= 0 AND cess_rate <= 100),
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (code_type <> 'sac' OR code ~ '^99')     -- SAC codes are chapter 99
);
CREATE INDEX hsn_sac_codes_code_type_idx ON hsn_sac_codes (code_type);
CREATE TRIGGER hsn_sac_codes_set_updated_at BEFORE UPDATE ON hsn_sac_codes
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row per GST registration of the agency (an agency may be registered in several states).
CREATE TABLE gst_settings (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    gstin                 text NOT NULL UNIQUE CHECK (gstin ~ '^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$'),
    legal_name            text NOT NULL,
    trade_name            text,
    pan                   text CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    registration_type     text NOT NULL DEFAULT 'regular'
                          CHECK (registration_type IN ('regular', 'composition', 'sez_unit', 'isd', 'casual')),
    state                 text NOT NULL,
    state_code            text NOT NULL CHECK (state_code ~ '^[0-9]{2}$'),
    address               text,
    pincode               text CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    filing_frequency      text NOT NULL DEFAULT 'monthly' CHECK (filing_frequency IN ('monthly', 'quarterly')),  -- QRMP
    registration_date     date,
    invoice_prefix        text,
    is_primary            boolean NOT NULL DEFAULT false,
    e_invoice_enabled     boolean NOT NULL DEFAULT false,
    e_way_bill_enabled    boolean NOT NULL DEFAULT false,
    is_active             boolean NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (left(gstin, 2) = state_code),
    CHECK (pan IS NULL OR substr(gstin, 3, 10) = pan)
);
CREATE UNIQUE INDEX gst_settings_primary_key ON gst_settings ((true)) WHERE is_primary;
CREATE INDEX gst_settings_state_code_idx ON gst_settings (state_code);
CREATE TRIGGER gst_settings_set_updated_at BEFORE UPDATE ON gst_settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE gst_returns (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    gst_setting_id   uuid NOT NULL REFERENCES gst_settings (id) ON DELETE RESTRICT,
    return_type      text NOT NULL CHECK (return_type IN ('GSTR1', 'GSTR3B', 'GSTR9', 'GSTR9C', 'CMP08', 'GSTR4')),
    period_year      integer NOT NULL CHECK (period_year BETWEEN 2017 AND 2200),
    period_month     integer NOT NULL CHECK (period_month BETWEEN 1 AND 12),  -- last month of the period
    period_start     date NOT NULL,
    period_end       date NOT NULL,
    due_date         date,
    status           text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'prepared', 'submitted', 'filed', 'amended')),
    taxable_value    numeric(14,2) NOT NULL DEFAULT 0 CHECK (taxable_value >= 0),
    cgst_amount      numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    sgst_amount      numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    igst_amount      numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0),
    cess_amount      numeric(14,2) NOT NULL DEFAULT 0 CHECK (cess_amount >= 0),
    itc_claimed      numeric(14,2) NOT NULL DEFAULT 0 CHECK (itc_claimed >= 0),
    tax_payable      numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_payable >= 0),
    late_fee         numeric(14,2) NOT NULL DEFAULT 0 CHECK (late_fee >= 0),
    interest         numeric(14,2) NOT NULL DEFAULT 0 CHECK (interest >= 0),
    arn              text,          -- acknowledgement reference number from the GST portal
    filed_at         timestamptz,
    filed_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    data             jsonb NOT NULL DEFAULT '{}'::jsonb,   -- prepared JSON payload / summary
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (gst_setting_id, return_type, period_year, period_month),
    CHECK (period_end >= period_start),
    CHECK (status <> 'filed' OR filed_at IS NOT NULL)
);
-- gst_setting_id is the leading column of the UNIQUE constraint.
CREATE INDEX gst_returns_filed_by_idx ON gst_returns (filed_by);
CREATE INDEX gst_returns_status_idx ON gst_returns (status);
CREATE INDEX gst_returns_due_date_idx ON gst_returns (due_date);
CREATE TRIGGER gst_returns_set_updated_at BEFORE UPDATE ON gst_returns
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE e_invoices (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id            uuid NOT NULL UNIQUE REFERENCES invoices (id) ON DELETE RESTRICT,
    gst_setting_id        uuid REFERENCES gst_settings (id) ON DELETE SET NULL,
    irn                   text UNIQUE CHECK (irn ~* '^[0-9a-f]{64}$'),   -- Invoice Reference Number (SHA-256)
    ack_number            text,
    ack_date              timestamptz,
    signed_qr_code        text,
    signed_invoice        text,
    status                text NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'generated', 'cancelled', 'failed')),
    error_message         text,
    eway_bill_number      text CHECK (eway_bill_number ~ '^[0-9]{12}$'),
    eway_bill_valid_until timestamptz,
    cancelled_at          timestamptz,
    cancel_reason         text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'generated' OR irn IS NOT NULL)
);
-- invoice_id is indexed by its UNIQUE constraint.
CREATE INDEX e_invoices_gst_setting_id_idx ON e_invoices (gst_setting_id);
CREATE INDEX e_invoices_status_idx ON e_invoices (status);
CREATE TRIGGER e_invoices_set_updated_at BEFORE UPDATE ON e_invoices
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE e_invoices;
DROP TABLE gst_returns;
DROP TABLE gst_settings;
DROP TABLE hsn_sac_codes;
