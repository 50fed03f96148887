-- migrate:up
-- HR: employees, attendance, leave, holidays, salary components, payroll, employee documents.

CREATE TABLE employee_details (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    employee_code       text NOT NULL UNIQUE,
    first_name          text NOT NULL,
    last_name           text,
    email               text,
    phone               text,
    department_id       uuid REFERENCES departments (id) ON DELETE SET NULL,
    designation         text,
    manager_id          uuid REFERENCES employee_details (id) ON DELETE SET NULL,
    employment_type     text NOT NULL DEFAULT 'full_time'
                        CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'intern', 'consultant')),
    date_of_birth       date,
    gender              text CHECK (gender IN ('male', 'female', 'other', 'undisclosed')),
    date_of_joining     date,
    date_of_exit        date,
    salary              numeric(14,2) CHECK (salary >= 0),
    pan                 text CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    uan                 text CHECK (uan ~ '^[0-9]{12}$'),            -- EPF Universal Account Number
    esic_number         text CHECK (esic_number ~ '^[0-9]{10,17}$'),
    bank_account_number text CHECK (bank_account_number ~ '^[0-9]{9,18}$'),
    bank_ifsc           text CHECK (bank_ifsc ~ '^[A-Z]{4}0[A-Z0-9]{6}$'),
    address             text,
    city                text,
    state               text,
    pincode             text CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    emergency_contact   text,
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'terminated')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (manager_id IS NULL OR manager_id <> id),
    CHECK (date_of_exit IS NULL OR date_of_joining IS NULL OR date_of_exit >= date_of_joining)
);
-- user_id is indexed by its UNIQUE constraint (employee_details_user_id_key).
CREATE INDEX employee_details_department_id_idx ON employee_details (department_id);
CREATE INDEX employee_details_manager_id_idx ON employee_details (manager_id);
CREATE INDEX employee_details_status_idx ON employee_details (status);
CREATE INDEX employee_details_email_idx ON employee_details (lower(email));
CREATE INDEX employee_details_date_of_joining_idx ON employee_details (date_of_joining);
CREATE TRIGGER employee_details_set_updated_at BEFORE UPDATE ON employee_details
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE attendance (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    employee_id uuid NOT NULL REFERENCES employee_details (id) ON DELETE CASCADE,
    date        date NOT NULL,
    check_in    timestamptz,
    check_out   timestamptz,
    status      text NOT NULL DEFAULT 'present'
                CHECK (status IN ('present', 'absent', 'half_day', 'leave', 'holiday')),
    notes       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (employee_id, date),
    CHECK (check_out IS NULL OR check_in IS NULL OR check_out >= check_in)
);
-- employee_id is the leading column of attendance_employee_id_date_key.
CREATE INDEX attendance_date_idx ON attendance (date);
CREATE INDEX attendance_status_idx ON attendance (status);
CREATE TRIGGER attendance_set_updated_at BEFORE UPDATE ON attendance
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE leave_requests (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    employee_id      uuid NOT NULL REFERENCES employee_details (id) ON DELETE CASCADE,
    leave_type       text NOT NULL
                     CHECK (leave_type IN ('casual', 'sick', 'earned', 'unpaid', 'maternity', 'paternity')),
    start_date       date NOT NULL,
    end_date         date NOT NULL,
    is_half_day      boolean NOT NULL DEFAULT false,
    reason           text,
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    approved_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_at      timestamptz,
    rejection_reason text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date),
    CHECK (NOT is_half_day OR end_date = start_date)
);
CREATE INDEX leave_requests_employee_id_idx ON leave_requests (employee_id);
CREATE INDEX leave_requests_approved_by_idx ON leave_requests (approved_by);
CREATE INDEX leave_requests_status_idx ON leave_requests (status);
CREATE INDEX leave_requests_start_date_end_date_idx ON leave_requests (start_date, end_date);
CREATE TRIGGER leave_requests_set_updated_at BEFORE UPDATE ON leave_requests
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE holidays (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    date        date NOT NULL,
    is_optional boolean NOT NULL DEFAULT false,   -- restricted/optional holiday
    state       text,                             -- NULL = applies to all offices
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (date, name)
);
-- date is the leading column of holidays_date_name_key.
CREATE TRIGGER holidays_set_updated_at BEFORE UPDATE ON holidays
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE salary_components (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code             text NOT NULL UNIQUE,          -- BASIC, HRA, PF_EE, ESI_EE, PT, TDS ...
    name             text NOT NULL,
    component_type   text NOT NULL
                     CHECK (component_type IN ('earning', 'deduction', 'employer_contribution')),
    calculation_type text NOT NULL DEFAULT 'fixed'
                     CHECK (calculation_type IN ('fixed', 'percentage_of_basic', 'percentage_of_gross')),
    default_value    numeric(14,2) NOT NULL DEFAULT 0 CHECK (default_value >= 0),
    is_taxable       boolean NOT NULL DEFAULT true,
    is_statutory     boolean NOT NULL DEFAULT false,
    is_active        boolean NOT NULL DEFAULT true,
    position         integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (calculation_type = 'fixed' OR default_value <= 100)
);
CREATE INDEX salary_components_component_type_idx ON salary_components (component_type);
CREATE TRIGGER salary_components_set_updated_at BEFORE UPDATE ON salary_components
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row per employee per pay month (the payslip header).
CREATE TABLE payroll (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    employee_id      uuid NOT NULL REFERENCES employee_details (id) ON DELETE RESTRICT,
    period_year      integer NOT NULL CHECK (period_year BETWEEN 2000 AND 2200),
    period_month     integer NOT NULL CHECK (period_month BETWEEN 1 AND 12),
    pay_date         date,
    working_days     numeric(5,1) NOT NULL DEFAULT 0 CHECK (working_days >= 0),
    paid_days        numeric(5,1) NOT NULL DEFAULT 0 CHECK (paid_days >= 0),
    gross_earnings   numeric(14,2) NOT NULL DEFAULT 0 CHECK (gross_earnings >= 0),
    total_deductions numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_deductions >= 0),
    net_pay          numeric(14,2) NOT NULL DEFAULT 0 CHECK (net_pay >= 0),
    status           text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'processed', 'paid', 'cancelled')),
    processed_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    notes            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (employee_id, period_year, period_month),
    CHECK (paid_days <= working_days)
);
-- employee_id is the leading column of payroll_employee_id_period_year_period_month_key.
CREATE INDEX payroll_period_year_period_month_idx ON payroll (period_year, period_month);
CREATE INDEX payroll_status_idx ON payroll (status);
CREATE INDEX payroll_processed_by_idx ON payroll (processed_by);
CREATE TRIGGER payroll_set_updated_at BEFORE UPDATE ON payroll
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE payroll_items (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payroll_id          uuid NOT NULL REFERENCES payroll (id) ON DELETE CASCADE,
    salary_component_id uuid REFERENCES salary_components (id) ON DELETE SET NULL,
    component_name      text NOT NULL,       -- snapshot, survives component edits
    component_type      text NOT NULL
                        CHECK (component_type IN ('earning', 'deduction', 'employer_contribution')),
    amount              numeric(14,2) NOT NULL CHECK (amount >= 0),
    position            integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payroll_items_payroll_id_idx ON payroll_items (payroll_id);
CREATE INDEX payroll_items_salary_component_id_idx ON payroll_items (salary_component_id);
CREATE TRIGGER payroll_items_set_updated_at BEFORE UPDATE ON payroll_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE employee_documents (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    employee_id   uuid NOT NULL REFERENCES employee_details (id) ON DELETE CASCADE,
    document_type text NOT NULL
                  CHECK (document_type IN ('pan', 'aadhaar', 'passport', 'offer_letter', 'appointment_letter',
                                           'relieving_letter', 'experience_letter', 'payslip', 'form16',
                                           'certificate', 'bank_proof', 'other')),
    title         text NOT NULL,
    file_name     text NOT NULL,
    storage_key   text NOT NULL,
    mime_type     text,
    size_bytes    bigint CHECK (size_bytes >= 0),
    expiry_date   date,
    verified_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    verified_at   timestamptz,
    uploaded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employee_documents_employee_id_idx ON employee_documents (employee_id);
CREATE INDEX employee_documents_verified_by_idx ON employee_documents (verified_by);
CREATE INDEX employee_documents_uploaded_by_idx ON employee_documents (uploaded_by);
CREATE INDEX employee_documents_document_type_idx ON employee_documents (document_type);
CREATE INDEX employee_documents_expiry_date_idx ON employee_documents (expiry_date);
CREATE TRIGGER employee_documents_set_updated_at BEFORE UPDATE ON employee_documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:down

DROP TABLE employee_documents;
DROP TABLE payroll_items;
DROP TABLE payroll;
DROP TABLE salary_components;
DROP TABLE holidays;
DROP TABLE leave_requests;
DROP TABLE attendance;
DROP TABLE employee_details;
