-- 罚款退还: a fine lowered by a 变更 (复议, 诉讼 or the bureau's own correction, penalty_case_outcome) after the party paid
-- it leaves the difference to be refunded (the 结案报告 names it). The refund due is what was paid as the fine less the
-- fine as changed; the refund made is recorded once, with its day and amount, by whoever records payments.
CREATE TABLE penalty_case_refund (
    id                  bigserial     PRIMARY KEY,
    case_id             bigint        NOT NULL UNIQUE REFERENCES penalty_case (id),
    refunded_on         date          NOT NULL,
    amount              numeric(14,2) NOT NULL CHECK (amount > 0),
    basis               varchar(500)  NOT NULL,
    recorded_by         varchar(100)  NOT NULL,
    recorded_by_user_id bigint,
    created_at          timestamptz   NOT NULL
);
