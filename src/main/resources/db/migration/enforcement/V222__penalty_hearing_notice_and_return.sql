-- 听证通知 before the hearing (行政处罚法(2021) art.64(二): the parties are told the hearing's time and place seven
-- days — working days, art.85 — before it is held): the day the notice names for the hearing is kept apart from the day
-- it was held, so the notice can be issued (and rescheduled) ahead and the hearing recorded when held. Hearings recorded
-- before the split were noticed for the day they were held.
ALTER TABLE penalty_case ADD COLUMN hearing_scheduled_on date;
UPDATE penalty_case SET hearing_scheduled_on = hearing_on WHERE hearing_on IS NOT NULL;

-- 退回调查: a notified (or heard) case the handling bureau's head sends back to investigation (new facts from the
-- 陈述申辩 or the hearing, 行政处罚法(2021) art.45, 65) before it is decided; the case's notice round (notice, statement,
-- hearing, waivers) is kept here as it stood, the case starts the round again after a new 调查终结.
CREATE TABLE penalty_case_return (
    id                  bigserial    PRIMARY KEY,
    case_id             bigint       NOT NULL REFERENCES penalty_case (id),
    returned_on         date         NOT NULL,
    from_status         varchar(16)  NOT NULL CHECK (from_status IN ('NOTIFIED', 'HEARING')),
    reason              varchar(500) NOT NULL,
    returned_by         varchar(100),
    returned_by_user_id bigint,
    earlier             jsonb        NOT NULL,
    created_at          timestamptz  NOT NULL
);
CREATE INDEX penalty_case_return_case ON penalty_case_return (case_id);
