-- Attack finding: a new outlet filed after the statutory 20 days from opening (逾期备案, 快递暂行条例(2025) art.19, art.50)
-- becomes an enforcement lead when its filing is completed — a lead source of its own.
ALTER TABLE penalty_lead DROP CONSTRAINT penalty_lead_source_check;
ALTER TABLE penalty_lead ADD CONSTRAINT penalty_lead_source_check
    CHECK (source IN ('INSPECTION', 'COMPLAINT', 'REPORT', 'TRANSFER', 'SAFETY', 'FILING'));
