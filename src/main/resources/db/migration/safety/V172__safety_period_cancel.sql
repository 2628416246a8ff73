-- A 寄递安保期 declared by mistake (a wrong year, a wrong region) is cancelled by the bureau: kept with its reports for
-- the record, but no longer active, no longer owed daily reports and no longer open to filing. Who, when and why.
ALTER TABLE safety_security_period
    ADD COLUMN cancelled_at  TIMESTAMPTZ,
    ADD COLUMN cancelled_by  VARCHAR(100),
    ADD COLUMN cancel_reason VARCHAR(1000);
