-- Issue 17 (attack finding): the same waybill of the same enterprise uploaded in two batches was counted twice (the
-- batch id only makes a repeated batch idempotent). Every accepted record now claims its waybill for its enterprise; a
-- waybill claimed by a batch that counts (or is being uploaded) is refused as a duplicate within the record window.
--
-- Compact: one row per accepted record (enterprise, 64-bit waybill key, acceptance day, batch, attempt: ~60 bytes with
-- the row header, ~32 in the key index). The key is the waybill number itself for numbers of up to 17 digits (most
-- express waybills) and a 63-bit hash of it otherwise (WaybillKey). Partitioned by the month of acceptance: a claim is
-- looked up in the two or three months the record window spans (WaybillClaims creates a month's partition before its
-- first claim), and a month lying wholly before the window is dropped whole (no DELETE, no vacuum).

-- a compact reference from a claim to its batch (the batch's key is enterprise + text id)
ALTER TABLE safety_parcel_batch ADD COLUMN ref bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX safety_parcel_batch_ref ON safety_parcel_batch (ref);

CREATE TABLE safety_waybill_claim (
    enterprise_id bigint  NOT NULL,
    waybill_key   bigint  NOT NULL,
    batch_ref     bigint  NOT NULL,
    accepted_day  date    NOT NULL,
    attempt       integer NOT NULL,
    PRIMARY KEY (enterprise_id, waybill_key, accepted_day)
) PARTITION BY RANGE (accepted_day);
