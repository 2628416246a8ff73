-- Issue 17 (attack finding): the same waybill of the same enterprise uploaded in two batches was counted twice (the
-- batch id only makes a repeated batch idempotent). Every accepted record now claims its waybill for its enterprise; a
-- waybill claimed within the record window by a batch that counts (or is being uploaded) is refused as a duplicate.
--
-- One row per accepted record: enterprise, a 64-bit key of the waybill (WaybillKey: the number itself, order kept, for
-- numbers of up to 17 digits and for 1-3 capital letters followed by up to 13 digits — most express waybills; a 63-bit
-- hash otherwise), the claiming batch and attempt, the acceptance day. The primary key makes the claim one
-- INSERT ... ON CONFLICT DO NOTHING per record (one index descent checks and claims, atomic across nodes); waybills
-- numbered in sequence land next to each other in it. Claims whose acceptance day lies before the window are deleted
-- daily (WaybillClaims.purgeBeforeWindow), found through the BRIN index (rows arrive roughly in acceptance order).

-- a compact reference from a claim to its batch (the batch's key is enterprise + text id)
ALTER TABLE safety_parcel_batch ADD COLUMN ref bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX safety_parcel_batch_ref ON safety_parcel_batch (ref);

CREATE TABLE safety_waybill_claim (
    enterprise_id bigint  NOT NULL,
    waybill_key   bigint  NOT NULL,
    batch_ref     bigint  NOT NULL,
    accepted_day  date    NOT NULL,
    attempt       integer NOT NULL,
    PRIMARY KEY (enterprise_id, waybill_key)
);
CREATE INDEX safety_waybill_claim_day ON safety_waybill_claim USING brin (accepted_day);
