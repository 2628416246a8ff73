-- An upload batch counts all or nothing (attack finding F3: a refused upload's records were already in the rates).
-- Its chunks are stored as they stream in (Parquet files, chunk key), but their rollups wait in the stage tables until
-- the batch is DONE and every chunk of its attempt is stored; then one transaction adds them to the rollups
-- (ParcelRollups.count). No database connection is held while the body streams in (F7): the batch is claimed with a
-- lease renewed as lines arrive; a batch whose uploader died (lease expired) or failed is taken over by its next
-- upload as a new attempt, whose chunk keys differ from the old attempt's, and the old attempt's chunks, stage rows,
-- files and rejected lines are deleted.
ALTER TABLE safety_parcel_batch DROP CONSTRAINT safety_parcel_batch_status_check;
ALTER TABLE safety_parcel_batch ADD CONSTRAINT safety_parcel_batch_status_check
    CHECK (status IN ('RUNNING', 'DONE', 'FAILED'));
ALTER TABLE safety_parcel_batch
    ADD COLUMN attempt     integer NOT NULL DEFAULT 1,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN chunks      integer,
    ADD COLUMN counted_at  timestamptz;
-- batches before this change were counted chunk by chunk
UPDATE safety_parcel_batch SET counted_at = finished_at WHERE status = 'DONE';
CREATE INDEX safety_parcel_batch_lease ON safety_parcel_batch (lease_until) WHERE status = 'RUNNING';

ALTER TABLE safety_parcel_chunk
    ADD COLUMN batch_id text,
    ADD COLUMN attempt  integer,
    ADD COLUMN files    text[];
CREATE INDEX safety_parcel_chunk_batch ON safety_parcel_chunk (enterprise_id, batch_id, attempt) WHERE batch_id IS NOT NULL;

-- Counts of stored chunks whose batch is not counted yet (several rows per key: one per chunk; summed when counted).
CREATE TABLE safety_parcel_stage (
    enterprise_id        bigint      NOT NULL,
    batch_id             text        NOT NULL,
    attempt              integer     NOT NULL,
    hour                 timestamptz NOT NULL,
    outlet_filing_number text        NOT NULL,
    sender_region        text        NOT NULL,
    parcels              bigint      NOT NULL,
    exempt               bigint      NOT NULL,
    real_name            bigint      NOT NULL,
    inspected            bigint      NOT NULL,
    screened             bigint      NOT NULL
);
CREATE INDEX safety_parcel_stage_batch ON safety_parcel_stage (enterprise_id, batch_id, attempt);

CREATE TABLE safety_machine_stage (
    enterprise_id  bigint  NOT NULL,
    batch_id       text    NOT NULL,
    attempt        integer NOT NULL,
    day            date    NOT NULL,
    machine_serial text    NOT NULL,
    parcels        bigint  NOT NULL
);
CREATE INDEX safety_machine_stage_batch ON safety_machine_stage (enterprise_id, batch_id, attempt);

-- rejected lines belong to the attempt that kept them (a stale attempt still writing cannot collide with the new one;
-- the lists show the batch's current attempt)
ALTER TABLE safety_parcel_rejected_line ADD COLUMN attempt integer NOT NULL DEFAULT 1;
ALTER TABLE safety_parcel_rejected_line DROP CONSTRAINT safety_parcel_rejected_line_pkey;
ALTER TABLE safety_parcel_rejected_line ADD PRIMARY KEY (enterprise_id, batch_id, attempt, line);
