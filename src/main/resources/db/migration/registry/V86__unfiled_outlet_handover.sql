-- Issue 12: the filing module owns a proposed outlet until the bureau decides; the registry holds no pending proposal.
-- This view is the registry's read contract for the hand-over (V87 copies the proposals of undecided and rejected new
-- filings into the filings, V88 removes those outlets from the registry and drops the view): outlets never filed.
CREATE VIEW unfiled_outlet AS
SELECT id, name, enterprise_id, branch_id, cooperation, address, region_code, longitude, latitude, manager_name,
       manager_id_cipher, manager_phone_cipher, storage_area, has_communications, has_shelving, has_surveillance,
       has_signage, opened_on
FROM terminal_outlet
WHERE filing_number IS NULL;
