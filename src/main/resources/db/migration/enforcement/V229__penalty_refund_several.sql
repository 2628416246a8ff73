-- 罚款退还 in several steps: a second 变更 after a refund, or a refund made in parts, leaves more to refund, so a case
-- may have several refunds (each at most what remains due). A refund may also return the 加处罚款 paid when the fine is
-- removed or the decision annulled (the surcharge hangs on the fine): the part of the amount that is surcharge is kept
-- apart, so the figures' fines collected (without 加处罚款) are reduced by the fine part only.
ALTER TABLE penalty_case_refund DROP CONSTRAINT penalty_case_refund_case_id_key;
ALTER TABLE penalty_case_refund ADD COLUMN surcharge numeric(14,2) NOT NULL DEFAULT 0 CHECK (surcharge >= 0);
ALTER TABLE penalty_case_refund ADD CONSTRAINT penalty_case_refund_surcharge_within CHECK (surcharge <= amount);
CREATE INDEX penalty_case_refund_case ON penalty_case_refund (case_id, refunded_on);
