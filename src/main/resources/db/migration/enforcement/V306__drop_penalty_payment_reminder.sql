-- V280's penalty_payment_reminder (one reminder per decision and kind) has not been written since
-- penalty_payment_reminder_day (V256) took over the reminders (enforcement.internal.PaymentReminders): nothing reads
-- or writes it any more. Whatever it still holds that the per-day table lacks (an upgrade where V280's table was
-- written after V256 carried its rows over) is carried over first, so a day reminded is not reminded again; then the
-- table goes, leaving one record of the reminders sent.
DO $$
BEGIN
    IF to_regclass('penalty_payment_reminder') IS NOT NULL THEN
        INSERT INTO penalty_payment_reminder_day (case_id, kind, due_on, instalment, sent_on)
        SELECT r.case_id, r.kind, r.due_on, i.position, r.sent_on
        FROM penalty_payment_reminder r
        LEFT JOIN penalty_case_instalment i ON i.case_id = r.case_id AND i.due_on = r.due_on
        ON CONFLICT (case_id, kind, due_on) DO NOTHING;
        DROP TABLE penalty_payment_reminder;
    END IF;
END $$;
