-- 延期/分期缴纳罚款 (行政处罚法(2021) art.66): the party applies within the payment period; whether it did is judged on
-- the day it applied, not on the day the bureau head approves. The day is kept with the arrangement; arrangements approved
-- before this column have none (unknown, shown as not recorded).
ALTER TABLE penalty_case ADD COLUMN payment_applied_on date;
ALTER TABLE penalty_case ADD CONSTRAINT penalty_case_payment_applied_on
    CHECK (payment_applied_on IS NULL OR (payment_arrangement IS NOT NULL AND payment_applied_on >= delivered_on));
