-- The outcome of 行政复议 or 行政诉讼 against a penalty decision, or the bureau's own correction of it (自行纠正), as
-- recorded by the handling bureau's head: the kind, the body and 文号 of its decision or judgment, the day, the result
-- (维持, 变更, 撤销, 确认违法, 确认无效), the reason, the scan (an attachment of the case, kind REMEDY_OUTCOME) and, for a
-- change, the penalty as changed beside the one it replaced. A published decision changed, revoked or confirmed illegal
-- or invalid has its publication withdrawn within 3 days (行政处罚法(2021) art.48; working days, art.85): the day is kept
-- on the outcome and on the case (publication_withdrawal_due_on, the queue's). A decision revoked or confirmed invalid
-- no longer applies (decision_annulled_on): no payment, 加处罚款 or handover is demanded and the figures do not count it
-- as a penalty.
CREATE TABLE penalty_case_outcome (
    id                    bigserial PRIMARY KEY,
    case_id               bigint NOT NULL REFERENCES penalty_case (id),
    kind                  varchar(20) NOT NULL CHECK (kind IN ('REVIEW', 'LITIGATION', 'SELF_CORRECTION')),
    body                  varchar(200) NOT NULL,
    document_number       varchar(100) NOT NULL,
    decided_on            date NOT NULL,
    result                varchar(20) NOT NULL CHECK (result IN ('UPHELD', 'CHANGED', 'REVOKED', 'ILLEGAL', 'INVALID')),
    reason                varchar(500) NOT NULL,
    penalty               varchar(12),
    fine                  numeric(14, 2),
    confiscated           numeric(14, 2),
    previous_penalty      varchar(12),
    previous_fine         numeric(14, 2),
    previous_confiscated  numeric(14, 2),
    attachment_id         bigint,
    withdrawal_due_on     date,
    recorded_by           varchar(100) NOT NULL,
    recorded_at           timestamptz NOT NULL,
    CHECK (result <> 'CHANGED' OR penalty IS NOT NULL)
);
CREATE INDEX penalty_case_outcome_case ON penalty_case_outcome (case_id);

ALTER TABLE penalty_case ADD COLUMN decision_annulled_on date;
ALTER TABLE penalty_case ADD COLUMN publication_withdrawal_due_on date;
