-- When a complaint was last handed to the enterprise (transferred, or returned to it for redoing): the cursor of the
-- enterprise API's feed (GET /api/v1/enterprise/complaints?since=…), with the id as tie-breaker. Complaints handed
-- over before this column existed count from the start of their transfer day (China time).
ALTER TABLE complaint ADD COLUMN assigned_at timestamptz;
UPDATE complaint SET assigned_at = (transferred_on::timestamp AT TIME ZONE 'Asia/Shanghai') WHERE transferred_on IS NOT NULL;
CREATE INDEX complaint_assigned ON complaint (enterprise_credit_code, assigned_at, id) WHERE assigned_at IS NOT NULL;
