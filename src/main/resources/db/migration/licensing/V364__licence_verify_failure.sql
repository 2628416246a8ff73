-- Failed public verifications of an e-licence (number and code that do not match), counted per licence number and per
-- client address for the rule catalogue's hourly limits (licence.verify-failures, licence.verify-failures-per-address),
-- as complaint_public_tally counts failed complaint look-ups. Rows older than two days are dropped as new ones are written.
CREATE TABLE licence_verify_failure (
    id bigserial PRIMARY KEY,
    kind varchar(16) NOT NULL,
    tally_key varchar(100) NOT NULL,
    counted_at timestamptz NOT NULL
);
CREATE INDEX licence_verify_failure_key ON licence_verify_failure (kind, tally_key, counted_at);
CREATE INDEX licence_verify_failure_at ON licence_verify_failure (counted_at);
