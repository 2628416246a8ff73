-- 罚款退还's voucher (退付凭证号): what tells a second refund of the same day and amount from the same refund entered
-- twice (a double click, a retried call — attack round 20). Optional; a refund of the day and amount of an earlier one
-- of the case is recorded only with a voucher number the case has not used; a number is used once in a case.
ALTER TABLE penalty_case_refund ADD COLUMN receipt varchar(100);
CREATE UNIQUE INDEX penalty_case_refund_receipt ON penalty_case_refund (case_id, receipt) WHERE receipt IS NOT NULL;
