-- migrate:up
-- Procurement: suppliers, purchase requests, purchase orders, goods receipts (GRN), supplier invoices.

CREATE TABLE suppliers (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                text NOT NULL CHECK (btrim(name) <> ''),
    contact_person      text,
    email               text,
    phone               text,
    gstin               text CHECK (gstin ~ '^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$'),
    pan                 text CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    msme_number         text,          -- Udyam registration (MSMED Act 45-day payment rule)
    address             text,
    city                text,
    state               text,
    state_code          text CHECK (state_code ~ '^[0-9]{2}$'),
    pincode             text CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    payment_terms_days  integer NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0),
    bank_account_number text CHECK (bank_account_number ~ '^[0-9]{9,18}$'),
    bank_ifsc           text CHECK (bank_ifsc ~ '^[A-Z]{4}0[A-Z0-9]{6}$'),
    notes               text,
    is_active           boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (gstin IS NULL OR state_code IS NULL OR left(gstin, 2) = state_code)
);
CREATE INDEX suppliers_name_idx ON suppliers (lower(name));
CREATE INDEX suppliers_email_idx ON suppliers (lower(email));
CREATE INDEX suppliers_gstin_idx ON suppliers (gstin);
CREATE INDEX suppliers_is_active_idx ON suppliers (is_active);
CREATE TRIGGER suppliers_set_updated_at BEFORE UPDATE ON suppliers
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Preferred supplier of an inventory item (column created in the inventory migration).
ALTER TABLE inventory_items
    ADD CONSTRAINT inventory_items_supplier_id_fkey
    FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE SET NULL;

CREATE TABLE purchase_requests (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_number text NOT NULL UNIQUE,
    requested_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    department_id  uuid REFERENCES departments (id) ON DELETE SET NULL,
    project_id     uuid REFERENCES projects (id) ON DELETE SET NULL,
    status         text NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'ordered', 'cancelled')),
    priority       text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    request_date   date NOT NULL DEFAULT current_date,
    required_by    date,
    justification  text,
    approved_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (required_by IS NULL OR required_by >= request_date)
);
CREATE INDEX purchase_requests_requested_by_idx ON purchase_requests (requested_by);
CREATE INDEX purchase_requests_department_id_idx ON purchase_requests (department_id);
CREATE INDEX purchase_requests_project_id_idx ON purchase_requests (project_id);
CREATE INDEX purchase_requests_approved_by_idx ON purchase_requests (approved_by);
CREATE INDEX purchase_requests_status_idx ON purchase_requests (status);
CREATE INDEX purchase_requests_request_date_idx ON purchase_requests (request_date);
CREATE TRIGGER purchase_requests_set_updated_at BEFORE UPDATE ON purchase_requests
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE purchase_request_items (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    purchase_request_id  uuid NOT NULL REFERENCES purchase_requests (id) ON DELETE CASCADE,
    inventory_item_id    uuid REFERENCES inventory_items (id) ON DELETE SET NULL,
    description          text NOT NULL,
    unit                 text NOT NULL DEFAULT 'nos',
    quantity             numeric(12,3) NOT NULL CHECK (quantity > 0),
    estimated_unit_price numeric(14,2) CHECK (estimated_unit_price >= 0),
    position             integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchase_request_items_purchase_request_id_idx ON purchase_request_items (purchase_request_id);
CREATE INDEX purchase_request_items_inventory_item_id_idx ON purchase_request_items (inventory_item_id);
CREATE TRIGGER purchase_request_items_set_updated_at BEFORE UPDATE ON purchase_request_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE purchase_orders (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    po_number           text NOT NULL UNIQUE,
    supplier_id         uuid NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
    warehouse_id        uuid REFERENCES warehouses (id) ON DELETE SET NULL,
    purchase_request_id uuid REFERENCES purchase_requests (id) ON DELETE SET NULL,
    project_id          uuid REFERENCES projects (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'submitted', 'approved', 'received', 'cancelled')),
    order_date          date NOT NULL DEFAULT current_date,
    expected_date       date,
    place_of_supply     text,
    subtotal            numeric(14,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    tax_amount          numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount        numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    payment_terms       text,
    notes               text,
    approved_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_at         timestamptz,
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (expected_date IS NULL OR expected_date >= order_date)
);
CREATE INDEX purchase_orders_supplier_id_idx ON purchase_orders (supplier_id);
CREATE INDEX purchase_orders_warehouse_id_idx ON purchase_orders (warehouse_id);
CREATE INDEX purchase_orders_purchase_request_id_idx ON purchase_orders (purchase_request_id);
CREATE INDEX purchase_orders_project_id_idx ON purchase_orders (project_id);
CREATE INDEX purchase_orders_approved_by_idx ON purchase_orders (approved_by);
CREATE INDEX purchase_orders_created_by_idx ON purchase_orders (created_by);
CREATE INDEX purchase_orders_status_idx ON purchase_orders (status);
CREATE INDEX purchase_orders_order_date_idx ON purchase_orders (order_date);
CREATE TRIGGER purchase_orders_set_updated_at BEFORE UPDATE ON purchase_orders
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE purchase_order_items (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    purchase_order_id uuid NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    inventory_item_id uuid REFERENCES inventory_items (id) ON DELETE SET NULL,
    description       text NOT NULL,
    hsn_sac           text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),
    unit              text NOT NULL DEFAULT 'nos',
    quantity          numeric(12,3) NOT NULL CHECK (quantity > 0),
    received_quantity numeric(12,3) NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    unit_price        numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    gst_rate          numeric(5,2) NOT NULL DEFAULT 18 CHECK (gst_rate IN (0, 0.25, 3, 5, 12, 18, 28)),
    amount            numeric(14,2) NOT NULL CHECK (amount >= 0),
    tax_amount        numeric(14,2) NOT NULL CHECK (tax_amount >= 0),
    position          integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_items_purchase_order_id_idx ON purchase_order_items (purchase_order_id);
CREATE INDEX purchase_order_items_inventory_item_id_idx ON purchase_order_items (inventory_item_id);
CREATE TRIGGER purchase_order_items_set_updated_at BEFORE UPDATE ON purchase_order_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE goods_receipts (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    grn_number              text NOT NULL UNIQUE,
    purchase_order_id       uuid NOT NULL REFERENCES purchase_orders (id) ON DELETE RESTRICT,
    warehouse_id            uuid NOT NULL REFERENCES warehouses (id) ON DELETE RESTRICT,
    received_date           date NOT NULL DEFAULT current_date,
    supplier_challan_number text,     -- delivery challan from the supplier
    eway_bill_number        text CHECK (eway_bill_number ~ '^[0-9]{12}$'),
    status                  text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'received', 'inspected', 'cancelled')),
    received_by             uuid REFERENCES users (id) ON DELETE SET NULL,
    notes                   text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goods_receipts_purchase_order_id_idx ON goods_receipts (purchase_order_id);
CREATE INDEX goods_receipts_warehouse_id_idx ON goods_receipts (warehouse_id);
CREATE INDEX goods_receipts_received_by_idx ON goods_receipts (received_by);
CREATE INDEX goods_receipts_status_idx ON goods_receipts (status);
CREATE INDEX goods_receipts_received_date_idx ON goods_receipts (received_date);
CREATE TRIGGER goods_receipts_set_updated_at BEFORE UPDATE ON goods_receipts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE goods_receipt_items (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    goods_receipt_id       uuid NOT NULL REFERENCES goods_receipts (id) ON DELETE CASCADE,
    purchase_order_item_id uuid REFERENCES purchase_order_items (id) ON DELETE SET NULL,
    inventory_item_id      uuid REFERENCES inventory_items (id) ON DELETE SET NULL,
    description            text,
    quantity_received      numeric(12,3) NOT NULL CHECK (quantity_received > 0),
    quantity_accepted      numeric(12,3) NOT NULL DEFAULT 0 CHECK (quantity_accepted >= 0),
    quantity_rejected      numeric(12,3) NOT NULL DEFAULT 0 CHECK (quantity_rejected >= 0),
    rejection_reason       text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (quantity_accepted + quantity_rejected <= quantity_received)
);
CREATE INDEX goods_receipt_items_goods_receipt_id_idx ON goods_receipt_items (goods_receipt_id);
CREATE INDEX goods_receipt_items_purchase_order_item_id_idx ON goods_receipt_items (purchase_order_item_id);
CREATE INDEX goods_receipt_items_inventory_item_id_idx ON goods_receipt_items (inventory_item_id);
CREATE TRIGGER goods_receipt_items_set_updated_at BEFORE UPDATE ON goods_receipt_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE supplier_invoices (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_number    text NOT NULL,           -- supplier's own bill number
    supplier_id       uuid NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
    purchase_order_id uuid REFERENCES purchase_orders (id) ON DELETE SET NULL,
    goods_receipt_id  uuid REFERENCES goods_receipts (id) ON DELETE SET NULL,
    invoice_date      date NOT NULL,
    due_date          date,
    place_of_supply   text,
    is_reverse_charge boolean NOT NULL DEFAULT false,
    subtotal          numeric(14,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    cgst_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (cgst_amount >= 0),
    sgst_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (sgst_amount >= 0),
    igst_amount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (igst_amount >= 0),
    tax_amount        numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    total_amount      numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    tds_amount        numeric(14,2) NOT NULL DEFAULT 0 CHECK (tds_amount >= 0),   -- TDS we deduct
    amount_paid       numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    itc_eligible      boolean NOT NULL DEFAULT true,
    status            text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'approved', 'partially_paid', 'paid', 'disputed', 'cancelled')),
    file_url          text,
    notes             text,
    created_by        uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (supplier_id, invoice_number),
    CHECK (due_date IS NULL OR due_date >= invoice_date)
);
-- supplier_id is the leading column of supplier_invoices_supplier_id_invoice_number_key.
CREATE INDEX supplier_invoices_purchase_order_id_idx ON supplier_invoices (purchase_order_id);
CREATE INDEX supplier_invoices_goods_receipt_id_idx ON supplier_invoices (goods_receipt_id);
CREATE INDEX supplier_invoices_created_by_idx ON supplier_invoices (created_by);
CREATE INDEX supplier_invoices_status_idx ON supplier_invoices (status);
CREATE INDEX supplier_invoices_invoice_date_idx ON supplier_invoices (invoice_date);
CREATE INDEX supplier_invoices_due_date_idx ON supplier_invoices (due_date);
CREATE TRIGGER supplier_invoices_set_updated_at BEFORE UPDATE ON supplier_invoices
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE supplier_invoices;
DROP TABLE goods_receipt_items;
DROP TABLE goods_receipts;
DROP TABLE purchase_order_items;
DROP TABLE purchase_orders;
DROP TABLE purchase_request_items;
DROP TABLE purchase_requests;
ALTER TABLE inventory_items DROP CONSTRAINT inventory_items_supplier_id_fkey;
DROP TABLE suppliers;
