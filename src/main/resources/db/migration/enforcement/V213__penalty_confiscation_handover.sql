-- 没收违法所得 上缴 (行政处罚法(2021) art.67, 74): a decision that confiscates is carried out when what it takes is handed
-- over to the treasury. One handover per case: the day, the amount (¥, the confiscated amount the decision states), the
-- receipt (缴款书号 or a note) and/or the scan of the receipt (an attachment of the case, kind HANDOVER_RECEIPT).
-- Closure requires it; the queue and the figures judge it against the handover period (penalty.confiscation-handover).
CREATE TABLE penalty_case_handover (
    case_id         bigint PRIMARY KEY REFERENCES penalty_case (id),
    handed_over_on  date NOT NULL,
    amount          numeric(14, 2) NOT NULL CHECK (amount > 0),
    receipt         varchar(500),
    attachment_id   bigint,
    recorded_by     varchar(100) NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CHECK (receipt IS NOT NULL OR attachment_id IS NOT NULL)
);
