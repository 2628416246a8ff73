-- Issue 17: a safety anomaly alert (实名收寄/安检预警) turned into a lead ("转为立案线索") is a lead source of its own.
ALTER TABLE penalty_lead DROP CONSTRAINT penalty_lead_source_check;
ALTER TABLE penalty_lead ADD CONSTRAINT penalty_lead_source_check
    CHECK (source IN ('INSPECTION', 'COMPLAINT', 'REPORT', 'TRANSFER', 'SAFETY'));
