-- The scans of the paper documents of a case brought in from before the platform (行政处罚决定书, 送达回证 …): kept as the
-- case's documents of their kind, with the 文号 and day they bear; never filled again from a template.
ALTER TABLE penalty_case_document ADD COLUMN original boolean NOT NULL DEFAULT false;
