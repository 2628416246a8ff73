-- What the 事先告知 told the party is what counts (行政处罚法(2021) art.44, 63–64): whether the proposed penalty carries the
-- right to a hearing and the last day to state its case or request one are fixed on the case when the notice is issued,
-- not read again from the rule catalogue (a threshold raised afterwards must not take away a right the 听证告知书 gave).
-- Null before the notice; cases notified before this column: the right the documents show (a 听证告知书 was issued, or a
-- hearing was requested or waived); their last day is computed from the notice day as before.
ALTER TABLE penalty_case
    ADD COLUMN hearing_right boolean,
    ADD COLUMN hearing_request_due date;

UPDATE penalty_case c
SET hearing_right = EXISTS (SELECT 1 FROM penalty_case_document d WHERE d.case_id = c.id AND d.kind = 'HEARING_RIGHT_NOTICE')
    OR c.hearing_requested_on IS NOT NULL OR c.hearing_waived_on IS NOT NULL
WHERE c.notified_on IS NOT NULL;

-- 放弃听证 recorded by staff rests on the party's written waiver: the scan of it (an attachment of the case). Null for a
-- waiver the party gave itself on the enterprise portal (its confirmation there, audited as the enterprise user), and for
-- waivers recorded before this column.
ALTER TABLE penalty_case
    ADD COLUMN hearing_waiver_attachment_id bigint;

-- 放弃陈述申辩 (art.62: no decision before the party's statement was heard or the party waived it): the day and the scan
-- of the party's written waiver, or null.
ALTER TABLE penalty_case
    ADD COLUMN statement_waived_on date,
    ADD COLUMN statement_waiver_attachment_id bigint;
