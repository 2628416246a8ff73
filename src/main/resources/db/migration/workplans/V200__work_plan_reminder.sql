-- 催报 of work plans: one row per reminder sent to a department (its key: plan, department and day or month), so a
-- reminder goes out once whatever runs twice; the notifications module turns each into the department's notification
-- from the WorkPlanReminderSent event. Reminders sent before this table are not copied (their keys stay in
-- notification, where a repeat of the same key is still ignored).
CREATE TABLE work_plan_reminder (
    key           varchar(120) PRIMARY KEY,
    plan_id       bigint       NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
    department_id bigint       NOT NULL REFERENCES department (id),
    sent_at       timestamptz  NOT NULL
);
