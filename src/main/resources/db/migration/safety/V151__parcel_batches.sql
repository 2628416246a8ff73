-- Upload batches of parcel records (POST /api/v1/safety/parcel-records?batchId=…): one row per enterprise and batch id,
-- written in the same transaction that holds the batch's row lock for the whole upload, so a batch sent twice at once
-- is taken in once (the second waits and gets the first answer) and a batch whose node died is simply taken in again
-- (the chunks already stored are skipped by their keys in safety_parcel_chunk).
CREATE TABLE safety_parcel_batch (
    enterprise_id bigint      NOT NULL,
    batch_id      text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    format        text        NOT NULL,
    accepted      bigint      NOT NULL DEFAULT 0,
    rejected      bigint      NOT NULL DEFAULT 0,
    answer        text,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    PRIMARY KEY (enterprise_id, batch_id)
);
CREATE INDEX safety_parcel_batch_started ON safety_parcel_batch (enterprise_id, started_at DESC);

-- Every rejected line, with the first rule it broke, for the enterprise to correct and send again. content is the
-- line's fields as JSON WITHOUT senderIdNumber (the clear ID number is never stored).
CREATE TABLE safety_parcel_rejected_line (
    enterprise_id bigint  NOT NULL,
    batch_id      text    NOT NULL,
    line          bigint  NOT NULL,
    field         text    NOT NULL,
    rule          text    NOT NULL,
    message       text    NOT NULL,
    content       text,
    PRIMARY KEY (enterprise_id, batch_id, line),
    FOREIGN KEY (enterprise_id, batch_id) REFERENCES safety_parcel_batch (enterprise_id, batch_id) ON DELETE CASCADE
);
