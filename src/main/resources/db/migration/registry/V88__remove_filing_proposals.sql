-- Issue 12: the outlets that were only proposals of new filings (undecided, or rejected and closed without a filing
-- number) now live in their filings (V87 copied them, manager's numbers encrypted); the registry lets them go.
-- Outlets a bureau recorded itself (imports, maintenance) stay as they are.
DELETE FROM terminal_outlet o
WHERE o.filing_number IS NULL
  AND o.id IN (SELECT f.outlet_id FROM outlet_filing f
               WHERE f.kind = 'NEW' AND f.status <> 'APPROVED' AND f.proposed_cipher IS NOT NULL);
DROP VIEW unfiled_outlet;
