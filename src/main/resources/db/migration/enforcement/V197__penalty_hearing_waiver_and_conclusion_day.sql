-- 放弃听证: the day the party explicitly gave up its right to a hearing (行政处罚法(2021) art.63–64), on the enterprise
-- portal or in writing recorded by the bureau. Until then, or until the request window has passed, a case whose
-- proposed penalty carries the hearing right cannot be decided; a 陈述申辩 alone does not waive the hearing.
ALTER TABLE penalty_case
    ADD COLUMN hearing_waived_on date;

-- 调查终结: the day the investigation ended (the 调查终结报告's date), which a step recorded after the fact gives; the
-- notice cannot precede it. Null for cases concluded before this column (their report is dated the day entered).
ALTER TABLE penalty_case
    ADD COLUMN concluded_on date;
