-- An Idempotency-Key names one caller's request, not a global one (issue: a key reused by another bureau's system
-- answered with the first bureau's complaint number, and a key reused with a different body silently dropped the
-- new complaint). The key is now held per caller with a hash of the request it first named; the complaint keeps
-- its key for the record only.
ALTER TABLE complaint DROP CONSTRAINT complaint_idempotency_key_key;

CREATE TABLE complaint_idempotency (
    caller          varchar(60)  NOT NULL,
    idempotency_key varchar(100) NOT NULL,
    request_hash    char(64)     NOT NULL,
    complaint_id    bigint REFERENCES complaint (id),
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
