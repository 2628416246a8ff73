-- A decision made after the decision limit (行政处罚法(2021) art.60, 邮政行政执法监督办法 art.17) is marked on the case
-- itself, not only in its audit entry: the case page and the API say "超过办案期限". A past case imported late is history
-- as it happened (imported, never refused) and marked the same way.
ALTER TABLE penalty_case ADD COLUMN decided_late boolean NOT NULL DEFAULT FALSE;

-- decided on the platform after the limit in force on the case
UPDATE penalty_case SET decided_late = TRUE
WHERE NOT imported AND decided_on IS NOT NULL AND decision_due_on IS NOT NULL AND decided_on > decision_due_on;

-- imported late: the import's own entry is the one record of it (the paused days of a suspended clock are not kept)
UPDATE penalty_case c SET decided_late = TRUE
WHERE c.imported AND EXISTS (SELECT 1 FROM audit_event a WHERE a.action = 'case.import' AND a.object_id = c.id::text
    AND a.summary LIKE '%超过办案期限%');
