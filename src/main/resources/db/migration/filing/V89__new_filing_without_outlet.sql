-- Issue 12: an undecided or rejected new filing has no outlet in the registry (V88); its outlet id is set on approval.
UPDATE outlet_filing SET outlet_id = NULL WHERE kind = 'NEW' AND status <> 'APPROVED';
