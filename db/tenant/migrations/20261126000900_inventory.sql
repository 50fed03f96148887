-- migrate:up
-- Inventory: item categories, warehouses, inventory items, per-warehouse stock levels, stock movements.

CREATE TABLE item_categories (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL UNIQUE,
    parent_id   uuid REFERENCES item_categories (id) ON DELETE SET NULL,
    description text,
    hsn_sac     text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),   -- default for items in this category
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX item_categories_parent_id_idx ON item_categories (parent_id);
CREATE TRIGGER item_categories_set_updated_at BEFORE UPDATE ON item_categories
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE warehouses (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    code       text UNIQUE,
    address    text,
    city       text,
    state      text,
    state_code text CHECK (state_code ~ '^[0-9]{2}$'),
    pincode    text CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
    is_active  boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX warehouses_manager_id_idx ON warehouses (manager_id);
CREATE INDEX warehouses_is_active_idx ON warehouses (is_active);
CREATE TRIGGER warehouses_set_updated_at BEFORE UPDATE ON warehouses
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- supplier_id's foreign key to suppliers is added by the procurement migration (suppliers live there).
CREATE TABLE inventory_items (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sku              text NOT NULL UNIQUE,
    name             text NOT NULL,
    description      text,
    category_id      uuid REFERENCES item_categories (id) ON DELETE SET NULL,
    item_type        text NOT NULL DEFAULT 'goods' CHECK (item_type IN ('goods', 'service', 'consumable')),
    hsn_sac          text CHECK (hsn_sac ~ '^[0-9]{4,8}$'),
    unit             text NOT NULL DEFAULT 'nos',
    unit_price       numeric(14,2) NOT NULL DEFAULT 0 CHECK (unit_price >= 0),
    cost_price       numeric(14,2) CHECK (cost_price >= 0),
    gst_rate         numeric(5,2) NOT NULL DEFAULT 18 CHECK (gst_rate IN (0, 0.25, 3, 5, 12, 18, 28)),
    reorder_level    numeric(12,3) NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    warehouse_id     uuid REFERENCES warehouses (id) ON DELETE SET NULL,   -- default warehouse
    supplier_id      uuid,                                                  -- preferred supplier
    quantity_on_hand numeric(12,3) NOT NULL DEFAULT 0 CHECK (quantity_on_hand >= 0),  -- total across warehouses
    barcode          text,
    is_active        boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_items_category_id_idx ON inventory_items (category_id);
CREATE INDEX inventory_items_warehouse_id_idx ON inventory_items (warehouse_id);
CREATE INDEX inventory_items_supplier_id_idx ON inventory_items (supplier_id);
CREATE INDEX inventory_items_name_idx ON inventory_items (lower(name));
CREATE INDEX inventory_items_is_active_idx ON inventory_items (is_active);
CREATE TRIGGER inventory_items_set_updated_at BEFORE UPDATE ON inventory_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE stock_levels (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id           uuid NOT NULL REFERENCES inventory_items (id) ON DELETE CASCADE,
    warehouse_id      uuid NOT NULL REFERENCES warehouses (id) ON DELETE CASCADE,
    quantity          numeric(12,3) NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    reserved_quantity numeric(12,3) NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
    reorder_level     numeric(12,3) CHECK (reorder_level >= 0),   -- overrides item default
    bin_location      text,
    last_counted_at   timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (item_id, warehouse_id),
    CHECK (reserved_quantity <= quantity)
);
-- item_id is the leading column of stock_levels_item_id_warehouse_id_key.
CREATE INDEX stock_levels_warehouse_id_idx ON stock_levels (warehouse_id);
CREATE TRIGGER stock_levels_set_updated_at BEFORE UPDATE ON stock_levels
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE stock_movements (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id         uuid NOT NULL REFERENCES inventory_items (id) ON DELETE RESTRICT,
    movement_type   text NOT NULL CHECK (movement_type IN ('in', 'out', 'transfer', 'adjustment')),
    warehouse_id    uuid NOT NULL REFERENCES warehouses (id) ON DELETE RESTRICT,  -- source for out/transfer
    to_warehouse_id uuid REFERENCES warehouses (id) ON DELETE RESTRICT,           -- destination for transfer
    quantity        numeric(12,3) NOT NULL CHECK (quantity <> 0),  -- signed only for adjustments
    unit_cost       numeric(14,2) CHECK (unit_cost >= 0),
    project_id      uuid REFERENCES projects (id) ON DELETE SET NULL,             -- material issued to a job
    reference_type  text CHECK (reference_type IN ('purchase_order', 'goods_receipt', 'invoice', 'project',
                                                   'stock_count', 'manual')),
    reference_id    uuid,
    movement_date   timestamptz NOT NULL DEFAULT now(),
    notes           text,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (movement_type = 'adjustment' OR quantity > 0),
    CHECK ((movement_type = 'transfer') = (to_warehouse_id IS NOT NULL)),
    CHECK (to_warehouse_id IS NULL OR to_warehouse_id <> warehouse_id),
    CHECK (reference_id IS NULL OR reference_type IS NOT NULL)
);
CREATE INDEX stock_movements_item_id_idx ON stock_movements (item_id);
CREATE INDEX stock_movements_warehouse_id_idx ON stock_movements (warehouse_id);
CREATE INDEX stock_movements_to_warehouse_id_idx ON stock_movements (to_warehouse_id);
CREATE INDEX stock_movements_project_id_idx ON stock_movements (project_id);
CREATE INDEX stock_movements_created_by_idx ON stock_movements (created_by);
CREATE INDEX stock_movements_movement_type_idx ON stock_movements (movement_type);
CREATE INDEX stock_movements_movement_date_idx ON stock_movements (movement_date);
CREATE INDEX stock_movements_reference_type_reference_id_idx ON stock_movements (reference_type, reference_id);
CREATE TRIGGER stock_movements_set_updated_at BEFORE UPDATE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE stock_movements;
DROP TABLE stock_levels;
DROP TABLE inventory_items;
DROP TABLE warehouses;
DROP TABLE item_categories;
