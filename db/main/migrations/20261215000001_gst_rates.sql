-- migrate:up
-- GST rates (CGST + SGST, = IGST) in force on a date, shared by every agency: reference data in the
-- catalog, read-only for the app role, changed by operators through POST/PATCH /api/admin/gst-rates.
-- A rate notification is a row (or a row's valid_to), in force in every agency from its date, without
-- a release. It replaces the copy each agency database held (db/tenant 20261215000100).
CREATE TABLE gst_rates (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    rate         numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100),
    valid_from   date NOT NULL,
    valid_to     date,                        -- inclusive; NULL = until further notice
    description  text NOT NULL,
    notification text,                        -- the rate notification it comes from
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    UNIQUE (rate, valid_from)
);
CREATE INDEX gst_rates_valid_from_idx ON gst_rates (valid_from);
CREATE TRIGGER gst_rates_set_updated_at BEFORE UPDATE ON gst_rates
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Checked against the rate notifications in force on 7 December 2026:
-- * 1/2017-CT(Rate) (goods) and 11/2017-CT(Rate) (services), 28 June 2017: 0.25, 3, 5, 12, 18, 28 %.
-- * 40/2017-CT(Rate), 23 October 2017: 0.1 % on supplies to merchant exporters.
-- * 3/2019-CT(Rate), 29 March 2019: 1 % on affordable residential apartments (without ITC).
-- * 9/2025-CT(Rate) (goods) and 15/2025-CT(Rate) (services), 17 September 2025, from 22 September
--   2025 ("GST 2.0"): 12 % and 28 % end (their goods and services move to 5, 18 or 40 %); 40 % for
--   demerit and luxury goods; 28 % kept only for tobacco and pan masala while compensation cess lasts.
-- * 19/2025-CT(Rate), from 1 February 2026: tobacco and pan masala move from 28 % to 40 %, and the
--   compensation cess is nil from the same date (no cess is levied on any document from then).
INSERT INTO gst_rates (rate, valid_from, valid_to, description, notification) VALUES
    (0,    '2017-07-01', NULL,         'Nil rated', '2/2017-CT(Rate), 12/2017-CT(Rate)'),
    (0.1,  '2017-10-23', NULL,         'Supplies to merchant exporters', '40/2017-CT(Rate)'),
    (0.25, '2017-07-01', NULL,         'Rough precious and semi-precious stones', '1/2017-CT(Rate)'),
    (1,    '2019-04-01', NULL,         'Affordable residential construction (without ITC)', '3/2019-CT(Rate)'),
    (3,    '2017-07-01', NULL,         'Gold, silver, jewellery', '1/2017-CT(Rate)'),
    (5,    '2017-07-01', NULL,         'Merit rate', '1/2017-CT(Rate), 11/2017-CT(Rate), 9/2025-CT(Rate)'),
    (12,   '2017-07-01', '2025-09-21', 'Standard rate 1 (merged into 5 % and 18 % by GST 2.0)',
           '1/2017-CT(Rate), 11/2017-CT(Rate); ended by 9/2025-CT(Rate)'),
    (18,   '2017-07-01', NULL,         'Standard rate', '1/2017-CT(Rate), 11/2017-CT(Rate), 9/2025-CT(Rate)'),
    (28,   '2017-07-01', '2025-09-21', 'Demerit rate', '1/2017-CT(Rate); ended by 9/2025-CT(Rate)'),
    (28,   '2025-09-22', '2026-01-31', 'Tobacco and pan masala while the compensation cess was levied',
           '9/2025-CT(Rate); ended by 19/2025-CT(Rate)'),
    (40,   '2025-09-22', NULL,         'Demerit and luxury goods; tobacco and pan masala from 1 February 2026',
           '9/2025-CT(Rate), 19/2025-CT(Rate)');

-- migrate:down
DROP TABLE gst_rates;
