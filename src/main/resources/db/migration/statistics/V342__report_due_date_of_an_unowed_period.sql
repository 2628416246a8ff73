-- A report of a period its enterprise did not operate in (kept from before the operating rule, or left by a corrected
-- licence date) owes nothing: it has no due date and is never 逾期未报 (ReportForms#owedDueOn). The column takes NULL
-- for it; every report the procedure opens still gets its date.
ALTER TABLE stat_report ALTER COLUMN due_on DROP NOT NULL;
