-- migrate:up
-- Document series (CGST Rule 46(b)) and GST computation: drafts carry no number, issued documents take
-- the next number of a per (document type, financial year) counter; lines and totals carry the
-- CGST/SGST/IGST split; GST rates are checked against a dated table instead of a fixed CHECK.

ALTER TABLE invoices ALTER COLUMN invoice_number DROP NOT NULL;
ALTER TABLE quotations ALTER COLUMN quotation_number DROP NOT NULL;
ALTER TABLE purchase_orders ALTER COLUMN po_number DROP NOT NULL;

-- One row per (document type, financial year), e.g. ('invoice', '26-27'): locked by the
-- INSERT … ON CONFLICT DO UPDATE that takes a number, in the issuing transaction, so numbers are
-- consecutive and a rolled-back issue gives its number back (a sequence would leave gaps).
CREATE TABLE document_series (
    document_type  text NOT NULL CHECK (document_type IN ('invoice', 'quotation', 'purchase_order')),
    financial_year text NOT NULL CHECK (financial_year ~ '^[0-9]{2}-[0-9]{2}$'),
    last_number    integer NOT NULL CHECK (last_number > 0),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_type, financial_year)
);

ALTER TABLE quotations
    ADD COLUMN supply_type text CHECK (supply_type IN ('intra_state', 'inter_state', 'export', 'sez')),
    ADD COLUMN cgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    ADD COLUMN sgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    ADD COLUMN igst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0);
ALTER TABLE purchase_orders
    ADD COLUMN supply_type text CHECK (supply_type IN ('intra_state', 'inter_state', 'export', 'sez')),
    ADD COLUMN cgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    ADD COLUMN sgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    ADD COLUMN igst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0);
ALTER TABLE invoice_items
    ADD COLUMN cgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    ADD COLUMN sgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    ADD COLUMN igst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0);
ALTER TABLE quotation_items
    ADD COLUMN cgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    ADD COLUMN sgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    ADD COLUMN igst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0);
ALTER TABLE purchase_order_items
    ADD COLUMN cgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    ADD COLUMN sgst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    ADD COLUMN igst_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0);

-- Existing lines: the whole tax as IGST, so that components add up to the tax on every row.
UPDATE invoice_items SET igst_amount = tax_amount;
UPDATE quotation_items SET igst_amount = tax_amount;
UPDATE purchase_order_items SET igst_amount = tax_amount;
UPDATE quotations SET igst_amount = tax_amount;
UPDATE purchase_orders SET igst_amount = tax_amount;
UPDATE invoices SET igst_amount = tax_amount WHERE cgst_amount + sgst_amount + igst_amount <> tax_amount;

-- The fixed rate lists (gst_rate IN (0, 0.25, 3, 5, 12, 18, 28)) cannot hold GST 2.0's 40 %, nor
-- drop 12 % on 22 September 2025: rates are checked against gst_rates by the API instead. The
-- constraints were unnamed, so they are found by their definition.
DO $$
DECLARE c record;
BEGIN
    FOR c IN
        SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
        WHERE contype = 'c'
          AND conrelid IN ('invoice_items'::regclass, 'quotation_items'::regclass,
                           'purchase_order_items'::regclass, 'inventory_items'::regclass,
                           'hsn_sac_codes'::regclass, 'tax_rates'::regclass)
          AND pg_get_constraintdef(oid) LIKE '%0.25%28%'
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tbl, c.conname);
    END LOOP;
END $$;
ALTER TABLE invoice_items ADD CONSTRAINT invoice_items_gst_rate_range CHECK (gst_rate >= 0 AND gst_rate <= 100);
ALTER TABLE quotation_items ADD CONSTRAINT quotation_items_gst_rate_range CHECK (gst_rate >= 0 AND gst_rate <= 100);
ALTER TABLE purchase_order_items
    ADD CONSTRAINT purchase_order_items_gst_rate_range CHECK (gst_rate >= 0 AND gst_rate <= 100);
ALTER TABLE inventory_items ADD CONSTRAINT inventory_items_gst_rate_range CHECK (gst_rate >= 0 AND gst_rate <= 100);
ALTER TABLE hsn_sac_codes ADD CONSTRAINT hsn_sac_codes_gst_rate_range CHECK (gst_rate >= 0 AND gst_rate <= 100);

-- The GST rates (CGST + SGST, = IGST) in force on a date: data, so a rate notification is an INSERT
-- or an UPDATE of valid_to, not a release. A line's rate must be in force on its document's date.
CREATE TABLE gst_rates (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    rate        numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100),
    valid_from  date NOT NULL,
    valid_to    date,                        -- inclusive; NULL = until further notice
    description text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    UNIQUE (rate, valid_from)
);
CREATE TRIGGER gst_rates_set_updated_at BEFORE UPDATE ON gst_rates
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Seed (assumptions, to be kept current by updating rows):
-- * 1 July 2017 – 21 September 2025: 0, 0.1 (supplies to merchant exporters), 0.25 (rough precious
--   stones), 1 (affordable housing without ITC), 3 (gold, silver, jewellery), 5, 12, 18 and 28 %.
-- * From 22 September 2025 ("GST 2.0", 56th GST Council, CGST rate notifications of 17 September
--   2025): 12 % goes (its goods and services moved to 5 or 18 %); 0, 0.1, 0.25, 1, 3, 5 and 18 stay;
--   40 % is new for demerit and luxury goods. 28 % stays only for tobacco, pan masala and the like
--   while the compensation cess is levied; set its valid_to when the Government notifies the end of
--   the cess period (those goods then move to 40 %, already seeded).
INSERT INTO gst_rates (rate, valid_from, valid_to, description) VALUES
    (0,    '2017-07-01', NULL,         'Nil rated'),
    (0.1,  '2017-10-23', NULL,         'Supplies to merchant exporters'),
    (0.25, '2017-07-01', NULL,         'Rough precious and semi-precious stones'),
    (1,    '2019-04-01', NULL,         'Affordable residential construction (without ITC)'),
    (3,    '2017-07-01', NULL,         'Gold, silver, jewellery'),
    (5,    '2017-07-01', NULL,         'Merit rate'),
    (12,   '2017-07-01', '2025-09-21', 'Standard rate 1 (merged into 5 % and 18 % by GST 2.0)'),
    (18,   '2017-07-01', NULL,         'Standard rate'),
    (28,   '2017-07-01', '2025-09-21', 'Demerit rate'),
    (28,   '2025-09-22', NULL,         'Tobacco and pan masala while the compensation cess is levied'),
    (40,   '2025-09-22', NULL,         'Special rate for demerit and luxury goods (GST 2.0)');

-- migrate:down

DROP TABLE gst_rates;
ALTER TABLE hsn_sac_codes DROP CONSTRAINT hsn_sac_codes_gst_rate_range;
ALTER TABLE inventory_items DROP CONSTRAINT inventory_items_gst_rate_range;
ALTER TABLE purchase_order_items DROP CONSTRAINT purchase_order_items_gst_rate_range;
ALTER TABLE quotation_items DROP CONSTRAINT quotation_items_gst_rate_range;
ALTER TABLE invoice_items DROP CONSTRAINT invoice_items_gst_rate_range;
-- The fixed rate lists are not put back: rows written under GST 2.0 (40 %) would violate them.
ALTER TABLE purchase_order_items DROP COLUMN cgst_amount, DROP COLUMN sgst_amount, DROP COLUMN igst_amount;
ALTER TABLE quotation_items DROP COLUMN cgst_amount, DROP COLUMN sgst_amount, DROP COLUMN igst_amount;
ALTER TABLE invoice_items DROP COLUMN cgst_amount, DROP COLUMN sgst_amount, DROP COLUMN igst_amount;
ALTER TABLE purchase_orders
    DROP COLUMN supply_type, DROP COLUMN cgst_amount, DROP COLUMN sgst_amount, DROP COLUMN igst_amount;
ALTER TABLE quotations
    DROP COLUMN supply_type, DROP COLUMN cgst_amount, DROP COLUMN sgst_amount, DROP COLUMN igst_amount;
DROP TABLE document_series;
-- Drafts have no number; they cannot go back under NOT NULL, so they are numbered for the way down.
UPDATE purchase_orders SET po_number = 'DRAFT-' || id WHERE po_number IS NULL;
UPDATE quotations SET quotation_number = 'DRAFT-' || id WHERE quotation_number IS NULL;
UPDATE invoices SET invoice_number = 'DRAFT-' || id WHERE invoice_number IS NULL;
ALTER TABLE purchase_orders ALTER COLUMN po_number SET NOT NULL;
ALTER TABLE quotations ALTER COLUMN quotation_number SET NOT NULL;
ALTER TABLE invoices ALTER COLUMN invoice_number SET NOT NULL;
