-- Issue 17 (attack finding): a batch id sent again with another body was answered with the first body's answer and
-- the new records were silently lost. The SHA-256 of the body as the parsers read it (gzip undone) is kept with the
-- batch when it is done; a replay whose body differs is answered 409 (field body, rule batch-differs). Batches done
-- before this migration have none and replay as before.
ALTER TABLE safety_parcel_batch ADD COLUMN body_sha256 bytea;
