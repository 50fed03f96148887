-- migrate:up
-- Documents an accountant signs off (CGST Act s. 31 and 34, Rules 46, 49 and 53): issued invoices that
-- only change by credit and debit notes, payments with TDS allocated to invoices, Rule 46 details
-- copied onto the invoice when it is issued, exports and SEZ supplies, and series seeded from the
-- numbers already used.

-- The rates moved to the catalog (db/main 20261215000001): one table for every agency.
DROP TABLE gst_rates;

-- The GSTIN-state checks were unnamed: named, so that a violation names its field (gstin).
DO $$
DECLARE c record;
BEGIN
    FOR c IN
        SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
        WHERE contype = 'c' AND conrelid IN ('clients'::regclass, 'suppliers'::regclass)
          AND pg_get_constraintdef(oid) LIKE '%(gstin, 2)%'
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tbl, c.conname);
    END LOOP;
END $$;
ALTER TABLE clients ADD CONSTRAINT clients_gstin_state
    CHECK (gstin IS NULL OR state_code IS NULL OR left(gstin, 2) = state_code);
ALTER TABLE suppliers ADD CONSTRAINT suppliers_gstin_state
    CHECK (gstin IS NULL OR state_code IS NULL OR left(gstin, 2) = state_code);

-- The agency's turnover band picks the HSN/SAC digits (Notification 78/2020-CT: 4 up to ₹5 crore,
-- 6 above), and its letter of undertaking (Rule 96A) lets exports and SEZ supplies go without IGST.
ALTER TABLE gst_settings
    ADD COLUMN turnover_band text NOT NULL DEFAULT 'up_to_5_crore'
        CHECK (turnover_band IN ('up_to_5_crore', 'above_5_crore')),
    ADD COLUMN lut_reference text;

-- Rule 46 on the invoice, copied when it is issued: the issuing GSTIN, the recipient's name, address,
-- state and GSTIN; the place of supply's name; how an export or SEZ supply is taxed; what is settled.
ALTER TABLE invoices
    ADD COLUMN supplier_gstin text,
    ADD COLUMN client_name text,
    ADD COLUMN client_address text,
    ADD COLUMN client_state_code text,
    ADD COLUMN place_of_supply_state text,
    ADD COLUMN tax_payment text CHECK (tax_payment IN ('igst', 'lut')),
    ADD COLUMN lut_reference text,
    ADD COLUMN is_bill_of_supply boolean NOT NULL DEFAULT false,
    ADD COLUMN amount_received numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount_received >= 0),
    ADD COLUMN tds_deducted numeric(14,2) NOT NULL DEFAULT 0 CHECK (tds_deducted >= 0),
    ADD COLUMN amount_credited numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount_credited >= 0),
    ADD COLUMN amount_debited numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount_debited >= 0),
    ADD COLUMN amount_outstanding numeric(14,2) GENERATED ALWAYS AS
        (total_amount + amount_debited - amount_credited - amount_received - tds_deducted) STORED,
    -- A credit note may follow full payment (the excess is owed back): only the credit is bounded here;
    -- payments are bounded by what is outstanding (payments.ts).
    ADD CONSTRAINT invoices_credit_within_total CHECK (amount_credited <= total_amount + amount_debited);
ALTER TABLE quotations
    ADD COLUMN place_of_supply_state text,
    ADD COLUMN tax_payment text CHECK (tax_payment IN ('igst', 'lut'));
ALTER TABLE purchase_orders
    ADD COLUMN place_of_supply_state text,
    ADD COLUMN tax_payment text CHECK (tax_payment IN ('igst', 'lut'));

-- Credit and debit notes (s. 34): issued when recorded, numbered in their own series (Rule 53(1A)),
-- with lines taxed as the invoices they refer to, and the part of each invoice they credit or debit.
ALTER TABLE credit_notes
    ALTER COLUMN invoice_id DROP NOT NULL,  -- superseded by credit_note_invoices (one or more)
    ADD COLUMN place_of_supply text,
    ADD COLUMN place_of_supply_state text,
    ADD COLUMN supply_type text CHECK (supply_type IN ('intra_state', 'inter_state', 'export', 'sez')),
    ADD COLUMN tax_payment text CHECK (tax_payment IN ('igst', 'lut')),
    ADD COLUMN cgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    ADD COLUMN sgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    ADD COLUMN igst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0),
    ADD COLUMN cancelled_at timestamptz,
    ADD COLUMN cancellation_reason text;

CREATE TABLE debit_notes (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    debit_note_number     text NOT NULL UNIQUE,
    client_id             uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    issue_date            date NOT NULL DEFAULT current_date,
    reason                text NOT NULL,
    status                text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'cancelled')),
    place_of_supply       text,
    place_of_supply_state text,
    supply_type           text CHECK (supply_type IN ('intra_state', 'inter_state', 'export', 'sez')),
    tax_payment           text CHECK (tax_payment IN ('igst', 'lut')),
    subtotal              numeric(14,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    cgst_amount           numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    sgst_amount           numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    igst_amount           numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0),
    tax_amount            numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount          numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    cancelled_at          timestamptz,
    cancellation_reason   text,
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX debit_notes_client_id_idx ON debit_notes (client_id);
CREATE INDEX debit_notes_created_by_idx ON debit_notes (created_by);
CREATE INDEX debit_notes_issue_date_idx ON debit_notes (issue_date);
CREATE TRIGGER debit_notes_set_updated_at BEFORE UPDATE ON debit_notes
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE credit_note_items (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    credit_note_id uuid NOT NULL REFERENCES credit_notes (id) ON DELETE CASCADE,
    description    text NOT NULL,
    hsn_sac        text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),
    unit           text NOT NULL DEFAULT 'nos',
    quantity       numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit_price     numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    gst_rate       numeric(5,2) NOT NULL CHECK (gst_rate >= 0 AND gst_rate <= 100),
    amount         numeric(14,2) NOT NULL CHECK (amount >= 0),
    cgst_amount    numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    sgst_amount    numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    igst_amount    numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0),
    tax_amount     numeric(14,2) NOT NULL CHECK (tax_amount >= 0),
    position       integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_note_items_credit_note_id_idx ON credit_note_items (credit_note_id);
CREATE TRIGGER credit_note_items_set_updated_at BEFORE UPDATE ON credit_note_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE debit_note_items (LIKE credit_note_items INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE debit_note_items RENAME COLUMN credit_note_id TO debit_note_id;
ALTER TABLE debit_note_items ADD PRIMARY KEY (id),
    ADD FOREIGN KEY (debit_note_id) REFERENCES debit_notes (id) ON DELETE CASCADE;
CREATE INDEX debit_note_items_debit_note_id_idx ON debit_note_items (debit_note_id);
CREATE TRIGGER debit_note_items_set_updated_at BEFORE UPDATE ON debit_note_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The part of each invoice a note credits or debits (tax included).
CREATE TABLE credit_note_invoices (
    credit_note_id uuid NOT NULL REFERENCES credit_notes (id) ON DELETE CASCADE,
    invoice_id     uuid NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    amount         numeric(14,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (credit_note_id, invoice_id)
);
CREATE INDEX credit_note_invoices_invoice_id_idx ON credit_note_invoices (invoice_id);
CREATE TABLE debit_note_invoices (
    debit_note_id uuid NOT NULL REFERENCES debit_notes (id) ON DELETE CASCADE,
    invoice_id    uuid NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (debit_note_id, invoice_id)
);
CREATE INDEX debit_note_invoices_invoice_id_idx ON debit_note_invoices (invoice_id);

-- Notes recorded before: issued, each for its one invoice.
UPDATE credit_notes SET status = 'issued' WHERE status IN ('draft', 'applied');
INSERT INTO credit_note_invoices (credit_note_id, invoice_id, amount)
    SELECT id, invoice_id, total_amount FROM credit_notes WHERE invoice_id IS NOT NULL AND total_amount > 0;

-- Payments: TDS under section 194J or 194C at its rate; each payment allocated to invoices.
ALTER TABLE payments
    ADD COLUMN tds_section text CHECK (tds_section IN ('194J', '194C')),
    ADD COLUMN tds_rate numeric(5,2) CHECK (tds_rate IN (1, 2, 10)),
    ADD CONSTRAINT payments_tds_section CHECK ((tds_amount = 0) = (tds_section IS NULL));
CREATE TABLE payment_allocations (
    payment_id uuid NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    amount     numeric(14,2) NOT NULL CHECK (amount >= 0),      -- cash received against the invoice
    tds_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (tds_amount >= 0),
    PRIMARY KEY (payment_id, invoice_id),
    CHECK (amount + tds_amount > 0)
);
CREATE INDEX payment_allocations_invoice_id_idx ON payment_allocations (invoice_id);

-- Series for the notes; numbers already used are the series' start (an old INV/26-27/000001 would
-- otherwise be taken again and stop the series on its unique key).
DO $$
DECLARE c record;
BEGIN
    FOR c IN
        SELECT conname FROM pg_constraint
        WHERE contype = 'c' AND conrelid = 'document_series'::regclass
          AND pg_get_constraintdef(oid) LIKE '%purchase_order%'
    LOOP
        EXECUTE format('ALTER TABLE document_series DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE document_series ADD CONSTRAINT document_series_document_type CHECK (
    document_type IN ('invoice', 'quotation', 'purchase_order', 'credit_note', 'debit_note'));
INSERT INTO document_series (document_type, financial_year, last_number)
SELECT document_type, split_part(number, '/', 2), max(split_part(number, '/', 3)::bigint)::integer
FROM (
    SELECT 'invoice' AS document_type, invoice_number AS number FROM invoices
    UNION ALL SELECT 'quotation', quotation_number FROM quotations
    UNION ALL SELECT 'purchase_order', po_number FROM purchase_orders
    UNION ALL SELECT 'credit_note', credit_note_number FROM credit_notes
) used
WHERE number ~ '^[A-Za-z0-9-]{1,4}/[0-9]{2}-[0-9]{2}/0*[1-9][0-9]{0,8}$'
GROUP BY document_type, split_part(number, '/', 2)
ON CONFLICT (document_type, financial_year)
DO UPDATE SET last_number = greatest(document_series.last_number, excluded.last_number);

-- Prefixes in the e-invoice's shape (DocDtls.No is upper case).
UPDATE settings SET value = (SELECT jsonb_object_agg(key, upper(value #>> '{}')) FROM jsonb_each(settings.value))
WHERE key = 'documents' AND jsonb_typeof(value) = 'object';

-- migrate:down
ALTER TABLE document_series DROP CONSTRAINT document_series_document_type;
DELETE FROM document_series WHERE document_type IN ('credit_note', 'debit_note');
ALTER TABLE document_series ADD CONSTRAINT document_series_document_type_check
    CHECK (document_type IN ('invoice', 'quotation', 'purchase_order'));
DROP TABLE payment_allocations;
ALTER TABLE payments DROP CONSTRAINT payments_tds_section, DROP COLUMN tds_rate, DROP COLUMN tds_section;
DROP TABLE debit_note_invoices;
DROP TABLE credit_note_invoices;
DROP TABLE debit_note_items;
DROP TABLE credit_note_items;
DROP TABLE debit_notes;
ALTER TABLE credit_notes
    DROP COLUMN place_of_supply, DROP COLUMN place_of_supply_state, DROP COLUMN supply_type,
    DROP COLUMN tax_payment, DROP COLUMN cgst_amount, DROP COLUMN sgst_amount, DROP COLUMN igst_amount,
    DROP COLUMN cancelled_at, DROP COLUMN cancellation_reason;
ALTER TABLE purchase_orders DROP COLUMN place_of_supply_state, DROP COLUMN tax_payment;
ALTER TABLE quotations DROP COLUMN place_of_supply_state, DROP COLUMN tax_payment;
ALTER TABLE invoices
    DROP CONSTRAINT invoices_credit_within_total,
    DROP COLUMN supplier_gstin, DROP COLUMN client_name, DROP COLUMN client_address,
    DROP COLUMN client_state_code, DROP COLUMN place_of_supply_state, DROP COLUMN tax_payment,
    DROP COLUMN lut_reference, DROP COLUMN is_bill_of_supply, DROP COLUMN amount_received,
    DROP COLUMN amount_outstanding, DROP COLUMN tds_deducted, DROP COLUMN amount_credited,
    DROP COLUMN amount_debited;
ALTER TABLE gst_settings DROP COLUMN lut_reference, DROP COLUMN turnover_band;
-- The rates come back empty: the catalog holds them.
CREATE TABLE gst_rates (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    rate        numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100),
    valid_from  date NOT NULL,
    valid_to    date,
    description text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    UNIQUE (rate, valid_from)
);
