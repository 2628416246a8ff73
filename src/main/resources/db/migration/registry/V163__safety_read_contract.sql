-- Issue 17: the registry's read contract for the safety module's rates and alerts, which group hourly rollups by
-- enterprise, outlet (filing number) and screening machine (serial) and show their names: names and places only, no
-- personal data (the outlet manager's ID and phone stay in the registry).
CREATE VIEW enterprise_name AS
SELECT id, credit_code, legal_name, region_code
FROM enterprise;

CREATE VIEW outlet_name AS
SELECT filing_number, name, enterprise_id, region_code, status
FROM terminal_outlet
WHERE filing_number IS NOT NULL;

CREATE VIEW screening_machine AS
SELECT id, serial_number, name, enterprise_id, region_code, status, commissioned_on
FROM facility
WHERE kind = 'SCREENING_MACHINE' AND serial_number IS NOT NULL;
