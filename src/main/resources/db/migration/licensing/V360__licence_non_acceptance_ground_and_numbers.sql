-- 不予受理 rests on one ground of 行政许可法(2019) art.32 para.1 (licensing.NonAcceptanceGround), which words its
-- decision: only a matter outside the bureau's competence names a competent bureau. The 不予受理决定书 and the 补正通知书
-- carry a 文号 of their own, numbered as the 受理通知书 is (BusinessNumbers, by the premises' city and the year).
-- Decisions taken before keep their reason as written, without a ground or number.
ALTER TABLE licence_application ADD COLUMN not_accepted_ground varchar(20);
ALTER TABLE licence_application ADD COLUMN not_accepted_number varchar(60);
ALTER TABLE licence_application ADD COLUMN correction_number varchar(60);
