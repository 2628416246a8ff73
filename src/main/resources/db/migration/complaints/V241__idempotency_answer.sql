-- A retried POST /api/v1/complaints with the same Idempotency-Key answers what the first call answered, the query code
-- included (the caller whose first answer was lost never got it). The code is kept encrypted with the data key (the
-- complaint itself holds only its hash); the number and duplicate come from the complaint. A key claimed before this
-- column has no code to give back.
ALTER TABLE complaint_idempotency ADD COLUMN query_code bytea;
