-- migrate:up
-- Foundation: shared trigger function set_updated_at() used by every table's BEFORE UPDATE trigger.

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION set_updated_at() IS 'BEFORE UPDATE trigger: stamps updated_at with now().';

-- migrate:down

DROP FUNCTION set_updated_at();
