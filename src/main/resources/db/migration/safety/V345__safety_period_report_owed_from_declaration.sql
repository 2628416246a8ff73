-- A day of a 寄递安保期 is owed only once the period was declared (SecurityPeriods.owed, the rule of the bureau's
-- summary, where such a day is 未要求): a report of a day before the period's declaration is never 迟报, and its time
-- limit is counted from the day of declaration. Reports already kept under the earlier rule (the demo's seeded reports
-- of the days before its period was created among them) are corrected: not late, the limit moved from the reported day
-- to the declaration day by as many days (the hours the rule catalogue gave then are kept).
UPDATE safety_period_report r
SET late = FALSE,
    due_at = r.due_at + ((p.created_at AT TIME ZONE 'Asia/Shanghai')::date - r.day) * INTERVAL '1 day'
FROM safety_security_period p
WHERE p.id = r.period_id
  AND r.day < (p.created_at AT TIME ZONE 'Asia/Shanghai')::date
  AND (r.late OR r.due_at IS NOT NULL);
