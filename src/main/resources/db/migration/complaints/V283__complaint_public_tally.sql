-- What the public side of complaints did, counted per client address or filer phone for the rule catalogue's limits
-- (complaint.lookup-failures per address per hour, complaint.filings-per-phone and complaint.filings-per-address per
-- day): a status look-up that found nothing, a complaint filed through the public portal. Rows older than two days are
-- dropped as new ones are written. The phone is its keyed index (HMAC, as complaint.filer_phone_index), never the number.
CREATE TABLE complaint_public_tally (
    id bigserial PRIMARY KEY,
    kind varchar(16) NOT NULL,
    tally_key varchar(100) NOT NULL,
    counted_at timestamptz NOT NULL
);
CREATE INDEX complaint_public_tally_key ON complaint_public_tally (kind, tally_key, counted_at);
CREATE INDEX complaint_public_tally_at ON complaint_public_tally (counted_at);
