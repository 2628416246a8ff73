-- Issue 15, the rest of the procedure:
-- * 简易程序 (当场处罚, 行政处罚法(2021) art.51-52): a case decided on the spot (procedure_kind SIMPLE) by a warning or a
--   fine within art.51's limits, on one form; the party may be an organisation (credit code) or a person (name only:
--   no credit code, never published), the place recorded; filed_on is the day it was filed with the bureau.
-- * 听证笔录: what the hearing heard (hearing_record), for its record.
-- * 移送 (transferred_to/on): the case goes to another authority or bureau and ends (status TRANSFERRED).
-- * 延期/分期缴纳 (art.66), approved by the bureau head: a deferral moves the payment deadline to
--   payment_deferred_until; instalments each have their own deadline and surcharge (penalty_case_instalment).
ALTER TABLE penalty_case
    ADD COLUMN procedure_kind             varchar(8)   NOT NULL DEFAULT 'GENERAL' CHECK (procedure_kind IN ('GENERAL', 'SIMPLE')),
    ADD COLUMN party_kind                 varchar(12)  NOT NULL DEFAULT 'ORGANISATION' CHECK (party_kind IN ('ORGANISATION', 'PERSON')),
    ADD COLUMN on_spot_place              varchar(200),
    ADD COLUMN hearing_record             varchar(4000),
    ADD COLUMN transferred_to             varchar(200),
    ADD COLUMN transferred_on             date,
    ADD COLUMN payment_arrangement        varchar(12)  CHECK (payment_arrangement IN ('DEFERRAL', 'INSTALMENTS')),
    ADD COLUMN payment_deferred_until     date,
    ADD COLUMN payment_arrangement_reason varchar(500),
    ADD COLUMN payment_arranged_by        varchar(100),
    ALTER COLUMN enterprise_credit_code DROP NOT NULL;

ALTER TABLE penalty_case DROP CONSTRAINT penalty_case_status_check;
ALTER TABLE penalty_case ADD CONSTRAINT penalty_case_status_check CHECK (status IN ('FILED', 'INVESTIGATING',
    'INVESTIGATED', 'NOTIFIED', 'HEARING', 'DECIDED', 'DELIVERED', 'EXECUTED', 'CLOSED', 'NOT_PENALIZED', 'WITHDRAWN',
    'TRANSFERRED'));

ALTER TABLE penalty_case ADD CONSTRAINT penalty_case_party CHECK (party_kind = 'PERSON' OR enterprise_credit_code IS NOT NULL);

CREATE TABLE penalty_case_instalment (
    case_id     bigint        NOT NULL REFERENCES penalty_case (id),
    position    integer       NOT NULL,
    due_on      date          NOT NULL,
    amount      numeric(14,2) NOT NULL,
    paid_on     date,
    paid_amount numeric(14,2),
    surcharge   numeric(14,2),
    PRIMARY KEY (case_id, position)
);
