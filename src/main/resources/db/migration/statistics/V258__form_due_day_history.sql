-- A form's due day before each change, so that a period keeps the deadline it had when it ended (its reports opened):
-- changing the due day used to recompute every past period's deadline (报送进度, 应报, lateness) from today's setting.
-- A change on changed_on applies to the periods ending on or after that day; a period that ended before it keeps
-- previous_due_day (the earliest change after its end holds the day then in force).
CREATE TABLE stat_form_due_day_change (
    id               bigserial PRIMARY KEY,
    form_id          bigint   NOT NULL REFERENCES stat_form (id),
    changed_on       date     NOT NULL,
    previous_due_day smallint NOT NULL CHECK (previous_due_day BETWEEN 1 AND 28)
);

CREATE INDEX stat_form_due_day_change_form ON stat_form_due_day_change (form_id, changed_on);
