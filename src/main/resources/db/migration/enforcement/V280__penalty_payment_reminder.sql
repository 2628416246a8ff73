-- Reminders to pay a fine (enforcement.PaymentReminders): at most one of each kind per decision — BEFORE (the pay-by
-- day is near, youguan.enforcement.payment-reminder.lead-days working days ahead, configuration, not law) and OVERDUE
-- (the pay-by day in force has passed and the fine is unpaid). A job run twice or on two nodes inserts once; only the
-- insert publishes the reminder.
CREATE TABLE penalty_payment_reminder (
    case_id bigint      NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    kind    varchar(10) NOT NULL CHECK (kind IN ('BEFORE', 'OVERDUE')),
    due_on  date        NOT NULL,
    sent_on date        NOT NULL,
    PRIMARY KEY (case_id, kind)
);
