-- At most one undecided change or closure filing per outlet (issue: two closure filings for one outlet were both
-- accepted; after one was approved the other could never be decided and went overdue). The service refuses a
-- second one with the open filing's number; this index makes sure concurrent posts cannot both win.
-- Where an outlet already has several open ones, the first filed stays open and the later ones are closed as
-- rejected duplicates (they could never have been approved after it), so the index can be built.
UPDATE outlet_filing f SET status = 'REJECTED', decision_note = '同一网点已有未办结的备案，本件作为重复申请关闭'
WHERE f.kind IN ('CHANGE', 'CLOSURE') AND f.status IN ('SUBMITTED', 'MISSING_ITEMS')
  AND EXISTS (SELECT 1 FROM outlet_filing g WHERE g.outlet_id = f.outlet_id AND g.kind IN ('CHANGE', 'CLOSURE')
              AND g.status IN ('SUBMITTED', 'MISSING_ITEMS') AND g.id < f.id);

CREATE UNIQUE INDEX outlet_filing_one_open_per_outlet ON outlet_filing (outlet_id)
    WHERE kind IN ('CHANGE', 'CLOSURE') AND status IN ('SUBMITTED', 'MISSING_ITEMS');
