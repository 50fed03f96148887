-- migrate:up
-- Finance: tax rates, chart of accounts, bank accounts, quotations, invoices, payments, credit notes, expenses, journal entries.

CREATE TABLE tax_rates (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL UNIQUE,            -- 'GST 18%', 'TDS 194J 10%', 'Cess 1%'
    tax_type       text NOT NULL DEFAULT 'gst' CHECK (tax_type IN ('gst', 'cess', 'tds', 'tcs')),
    rate           numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100),
    description    text,
    effective_from date,
    effective_to   date,
    is_active      boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (tax_type <> 'gst' OR rate IN (0, 0.25, 3, 5, 12, 18, 28)),
    CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE INDEX tax_rates_tax_type_idx ON tax_rates (tax_type);
CREATE TRIGGER tax_rates_set_updated_at BEFORE UPDATE ON tax_rates
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE chart_of_accounts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code            text NOT NULL UNIQUE,
    name            text NOT NULL,
    account_type    text NOT NULL CHECK (account_type IN ('asset', 'liability', 'equity', 'income', 'expense')),
    parent_id       uuid REFERENCES chart_of_accounts (id) ON DELETE RESTRICT,
    description     text,
    opening_balance numeric(14,2) NOT NULL DEFAULT 0,   -- signed: debit positive, credit negative
    is_system       boolean NOT NULL DEFAULT false,
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX chart_of_accounts_parent_id_idx ON chart_of_accounts (parent_id);
CREATE INDEX chart_of_accounts_account_type_idx ON chart_of_accounts (account_type);
CREATE TRIGGER chart_of_accounts_set_updated_at BEFORE UPDATE ON chart_of_accounts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE bank_accounts (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_name      text NOT NULL,
    bank_name         text NOT NULL,
    account_number    text NOT NULL UNIQUE CHECK (account_number ~ '^[0-9]{9,18}$'),
    ifsc              text NOT NULL CHECK (ifsc ~ '^[A-Z]{4}0[A-Z0-9]{6}$'),
    branch            text,
    account_type      text NOT NULL DEFAULT 'current'
                      CHECK (account_type IN ('current', 'savings', 'overdraft', 'cash_credit')),
    upi_id            text,
    ledger_account_id uuid REFERENCES chart_of_accounts (id) ON DELETE SET NULL,
    opening_balance   numeric(14,2) NOT NULL DEFAULT 0,
    is_primary        boolean NOT NULL DEFAULT false,
    is_active         boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bank_accounts_ledger_account_id_idx ON bank_accounts (ledger_account_id);
CREATE UNIQUE INDEX bank_accounts_primary_key ON bank_accounts ((true)) WHERE is_primary;
CREATE TRIGGER bank_accounts_set_updated_at BEFORE UPDATE ON bank_accounts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE expense_categories (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL UNIQUE,
    description text,
    account_id  uuid REFERENCES chart_of_accounts (id) ON DELETE SET NULL,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expense_categories_account_id_idx ON expense_categories (account_id);
CREATE TRIGGER expense_categories_set_updated_at BEFORE UPDATE ON expense_categories
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE quotations (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    quotation_number text NOT NULL UNIQUE,
    client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    project_id       uuid REFERENCES projects (id) ON DELETE SET NULL,
    lead_id          uuid REFERENCES leads (id) ON DELETE SET NULL,
    status           text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
    issue_date       date NOT NULL DEFAULT current_date,
    valid_until      date,
    place_of_supply  text,
    subtotal         numeric(14,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    tax_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount     numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    terms            text,
    notes            text,
    sent_at          timestamptz,
    created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_until >= issue_date)
);
CREATE INDEX quotations_client_id_idx ON quotations (client_id);
CREATE INDEX quotations_project_id_idx ON quotations (project_id);
CREATE INDEX quotations_lead_id_idx ON quotations (lead_id);
CREATE INDEX quotations_created_by_idx ON quotations (created_by);
CREATE INDEX quotations_status_idx ON quotations (status);
CREATE INDEX quotations_issue_date_idx ON quotations (issue_date);
CREATE TRIGGER quotations_set_updated_at BEFORE UPDATE ON quotations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE quotation_items (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    quotation_id uuid NOT NULL REFERENCES quotations (id) ON DELETE CASCADE,
    description  text NOT NULL,
    hsn_sac      text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),
    unit         text NOT NULL DEFAULT 'nos',
    quantity     numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit_price   numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    gst_rate     numeric(5,2) NOT NULL DEFAULT 18 CHECK (gst_rate IN (0, 0.25, 3, 5, 12, 18, 28)),
    amount       numeric(14,2) NOT NULL CHECK (amount >= 0),
    tax_amount   numeric(14,2) NOT NULL CHECK (tax_amount >= 0),
    position     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quotation_items_quotation_id_idx ON quotation_items (quotation_id);
CREATE TRIGGER quotation_items_set_updated_at BEFORE UPDATE ON quotation_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE invoices (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_number      text NOT NULL UNIQUE,
    client_id           uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    project_id          uuid REFERENCES projects (id) ON DELETE SET NULL,
    quotation_id        uuid REFERENCES quotations (id) ON DELETE SET NULL,
    bank_account_id     uuid REFERENCES bank_accounts (id) ON DELETE SET NULL,  -- printed for remittance
    status              text NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'sent', 'paid', 'partially_paid', 'overdue', 'cancelled')),
    issue_date          date NOT NULL DEFAULT current_date,
    due_date            date,
    place_of_supply     text,
    supply_type         text CHECK (supply_type IN ('intra_state', 'inter_state', 'export', 'sez')),
    is_reverse_charge   boolean NOT NULL DEFAULT false,
    client_gstin        text CHECK (client_gstin ~ '^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$'),  -- snapshot at issue
    subtotal            numeric(14,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    cgst_amount         numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    sgst_amount         numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    igst_amount         numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0),
    cess_amount         numeric(14,2) NOT NULL DEFAULT 0 CHECK (cess_amount >= 0),
    tax_amount          numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount        numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    currency            text NOT NULL DEFAULT 'INR' CHECK (currency ~ '^[A-Z]{3}$'),
    terms               text,
    notes               text,
    sent_at             timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason text,
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (due_date IS NULL OR due_date >= issue_date)
);
CREATE INDEX invoices_client_id_idx ON invoices (client_id);
CREATE INDEX invoices_project_id_idx ON invoices (project_id);
CREATE INDEX invoices_quotation_id_idx ON invoices (quotation_id);
CREATE INDEX invoices_bank_account_id_idx ON invoices (bank_account_id);
CREATE INDEX invoices_created_by_idx ON invoices (created_by);
CREATE INDEX invoices_status_idx ON invoices (status);
CREATE INDEX invoices_issue_date_idx ON invoices (issue_date);
CREATE INDEX invoices_due_date_idx ON invoices (due_date);
CREATE TRIGGER invoices_set_updated_at BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE invoice_items (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id  uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    description text NOT NULL,
    hsn_sac     text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),
    unit        text NOT NULL DEFAULT 'nos',
    quantity    numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit_price  numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    gst_rate    numeric(5,2) NOT NULL DEFAULT 18 CHECK (gst_rate IN (0, 0.25, 3, 5, 12, 18, 28)),
    amount      numeric(14,2) NOT NULL CHECK (amount >= 0),
    tax_amount  numeric(14,2) NOT NULL CHECK (tax_amount >= 0),
    position    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_items_invoice_id_idx ON invoice_items (invoice_id);
CREATE TRIGGER invoice_items_set_updated_at BEFORE UPDATE ON invoice_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE payments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_number   text UNIQUE,
    invoice_id       uuid REFERENCES invoices (id) ON DELETE RESTRICT,   -- NULL = advance / on-account receipt
    client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    bank_account_id  uuid REFERENCES bank_accounts (id) ON DELETE SET NULL,
    payment_date     date NOT NULL DEFAULT current_date,
    amount           numeric(14,2) NOT NULL CHECK (amount > 0),
    tds_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (tds_amount >= 0),   -- TDS deducted by client
    payment_method   text NOT NULL DEFAULT 'bank_transfer'
                     CHECK (payment_method IN ('cash', 'cheque', 'bank_transfer', 'neft', 'rtgs', 'imps',
                                               'upi', 'card', 'other')),
    reference_number text,        -- UTR / cheque no.
    status           text NOT NULL DEFAULT 'completed'
                     CHECK (status IN ('pending', 'completed', 'failed', 'refunded')),
    notes            text,
    received_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_invoice_id_idx ON payments (invoice_id);
CREATE INDEX payments_client_id_idx ON payments (client_id);
CREATE INDEX payments_bank_account_id_idx ON payments (bank_account_id);
CREATE INDEX payments_received_by_idx ON payments (received_by);
CREATE INDEX payments_payment_date_idx ON payments (payment_date);
CREATE INDEX payments_status_idx ON payments (status);
CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE credit_notes (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    credit_note_number text NOT NULL UNIQUE,
    invoice_id         uuid NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    client_id          uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    issue_date         date NOT NULL DEFAULT current_date,
    reason             text NOT NULL,
    status             text NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'issued', 'applied', 'cancelled')),
    subtotal           numeric(14,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    tax_amount         numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    created_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_notes_invoice_id_idx ON credit_notes (invoice_id);
CREATE INDEX credit_notes_client_id_idx ON credit_notes (client_id);
CREATE INDEX credit_notes_created_by_idx ON credit_notes (created_by);
CREATE INDEX credit_notes_status_idx ON credit_notes (status);
CREATE INDEX credit_notes_issue_date_idx ON credit_notes (issue_date);
CREATE TRIGGER credit_notes_set_updated_at BEFORE UPDATE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE expenses (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    category_id      uuid REFERENCES expense_categories (id) ON DELETE SET NULL,
    project_id       uuid REFERENCES projects (id) ON DELETE SET NULL,
    bank_account_id  uuid REFERENCES bank_accounts (id) ON DELETE SET NULL,
    submitted_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    expense_date     date NOT NULL DEFAULT current_date,
    description      text NOT NULL,
    vendor_name      text,
    vendor_gstin     text CHECK (vendor_gstin ~ '^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$'),
    bill_number      text,
    hsn_sac          text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),
    amount           numeric(14,2) NOT NULL CHECK (amount >= 0),
    tax_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount     numeric(14,2) GENERATED ALWAYS AS (amount + tax_amount) STORED,
    itc_eligible     boolean NOT NULL DEFAULT false,   -- GST input tax credit claimable
    payment_method   text CHECK (payment_method IN ('cash', 'cheque', 'bank_transfer', 'upi', 'card',
                                                    'company_card', 'other')),
    is_billable      boolean NOT NULL DEFAULT false,
    is_reimbursable  boolean NOT NULL DEFAULT false,
    receipt_url      text,
    status           text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'reimbursed', 'paid')),
    approved_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expenses_category_id_idx ON expenses (category_id);
CREATE INDEX expenses_project_id_idx ON expenses (project_id);
CREATE INDEX expenses_bank_account_id_idx ON expenses (bank_account_id);
CREATE INDEX expenses_submitted_by_idx ON expenses (submitted_by);
CREATE INDEX expenses_approved_by_idx ON expenses (approved_by);
CREATE INDEX expenses_expense_date_idx ON expenses (expense_date);
CREATE INDEX expenses_status_idx ON expenses (status);
CREATE TRIGGER expenses_set_updated_at BEFORE UPDATE ON expenses
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE journal_entries (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entry_number   text NOT NULL UNIQUE,
    entry_date     date NOT NULL DEFAULT current_date,
    narration      text,
    source_type    text CHECK (source_type IN ('manual', 'invoice', 'payment', 'credit_note', 'expense',
                                               'payroll', 'supplier_invoice', 'opening')),
    source_id      uuid,          -- id of the source document (polymorphic, see source_type)
    status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted', 'void')),
    posted_at      timestamptz,
    posted_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (source_id IS NULL OR source_type IS NOT NULL)
);
CREATE INDEX journal_entries_posted_by_idx ON journal_entries (posted_by);
CREATE INDEX journal_entries_created_by_idx ON journal_entries (created_by);
CREATE INDEX journal_entries_entry_date_idx ON journal_entries (entry_date);
CREATE INDEX journal_entries_status_idx ON journal_entries (status);
CREATE INDEX journal_entries_source_type_source_id_idx ON journal_entries (source_type, source_id);
CREATE TRIGGER journal_entries_set_updated_at BEFORE UPDATE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE journal_entry_lines (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    journal_entry_id uuid NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    account_id       uuid NOT NULL REFERENCES chart_of_accounts (id) ON DELETE RESTRICT,
    description      text,
    debit            numeric(14,2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit           numeric(14,2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
    position         integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((debit > 0 AND credit = 0) OR (credit > 0 AND debit = 0))
);
CREATE INDEX journal_entry_lines_journal_entry_id_idx ON journal_entry_lines (journal_entry_id);
CREATE INDEX journal_entry_lines_account_id_idx ON journal_entry_lines (account_id);
CREATE TRIGGER journal_entry_lines_set_updated_at BEFORE UPDATE ON journal_entry_lines
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE journal_entry_lines;
DROP TABLE journal_entries;
DROP TABLE expenses;
DROP TABLE credit_notes;
DROP TABLE payments;
DROP TABLE invoice_items;
DROP TABLE invoices;
DROP TABLE quotation_items;
DROP TABLE quotations;
DROP TABLE expense_categories;
DROP TABLE bank_accounts;
DROP TABLE chart_of_accounts;
DROP TABLE tax_rates;
