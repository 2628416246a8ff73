-- Reminders to pay a fine (enforcement.PaymentReminders), kept per pay-by day instead of per decision: each instalment
-- (行政处罚法(2021) art.66, its own day and amount) and a deferred pay-by day get their own reminder before the day
-- (BEFORE, youguan.enforcement.payment-reminder.lead-days working days ahead — configuration, not law) and their own
-- once it has passed unpaid (OVERDUE, 加处罚款 running, art.72). A job run twice or on two nodes inserts once; only the
-- insert publishes the reminder.
--
-- V280's penalty_payment_reminder was keyed (case, kind): only the first pay-by day of a decision was ever reminded.
-- This version number lies below V280, so on a new database this runs before that table exists: the reminders live in
-- this table of their own, and V280's is no longer written. Where V280 ran already (an upgrade, out of order) the
-- reminders it recorded are carried over, so a day reminded is not reminded again.
CREATE TABLE penalty_payment_reminder_day (
    case_id    bigint      NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    kind       varchar(10) NOT NULL CHECK (kind IN ('BEFORE', 'OVERDUE')),
    due_on     date        NOT NULL,
    instalment smallint    CHECK (instalment > 0),
    sent_on    date        NOT NULL,
    PRIMARY KEY (case_id, kind, due_on)
);
COMMENT ON TABLE penalty_payment_reminder_day IS 'reminders to pay a fine sent, one of each kind per decision and pay-by day';
COMMENT ON COLUMN penalty_payment_reminder_day.instalment IS 'the instalment reminded (its position), null for the whole fine';

DO $$
BEGIN
    IF to_regclass('penalty_payment_reminder') IS NOT NULL THEN
        INSERT INTO penalty_payment_reminder_day (case_id, kind, due_on, instalment, sent_on)
        SELECT r.case_id, r.kind, r.due_on, i.position, r.sent_on
        FROM penalty_payment_reminder r
        LEFT JOIN penalty_case_instalment i ON i.case_id = r.case_id AND i.due_on = r.due_on;
    END IF;
END $$;
