-- Who owns a safety ledger row (finding scope-public 2: a superior bureau recorded and closed rows of a county's
-- region): the bureau whose staff recorded it. A row an enterprise reported, one the demo data or a job wrote and every
-- row recorded before this migration have none (NULL): they are the bureau's handling their region
-- (Bureaus.requireHandling). A bureau above reads a row it does not own and takes none of its steps.
ALTER TABLE safety_hazard ADD COLUMN bureau_id BIGINT;
ALTER TABLE safety_incident ADD COLUMN bureau_id BIGINT;
ALTER TABLE safety_training ADD COLUMN bureau_id BIGINT;
ALTER TABLE safety_seizure ADD COLUMN bureau_id BIGINT;
ALTER TABLE safety_responsibility_letter ADD COLUMN bureau_id BIGINT;
ALTER TABLE safety_contractor ADD COLUMN bureau_id BIGINT;
ALTER TABLE safety_security_period ADD COLUMN bureau_id BIGINT;
