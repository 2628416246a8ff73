-- A complaint notice is published once per region and months; a change is a correction: a new notice that replaces the
-- one in force (replaced_at, replaced_by), with its reason, both kept. The public list shows the notices in force only.
ALTER TABLE complaint_notice
    ADD COLUMN replaced_at       timestamptz,
    ADD COLUMN replaced_by       bigint REFERENCES complaint_notice (id),
    ADD COLUMN correction_reason varchar(200);

-- periods published more than once before: the latest notice stands, each earlier one is replaced by it
UPDATE complaint_notice n
SET replaced_at = latest.published_at, replaced_by = latest.id,
    correction_reason = '同期重复发布（迁移时保留最新一份）'
FROM (SELECT DISTINCT ON (region_code, month_from, month_to) region_code, month_from, month_to, id, published_at
      FROM complaint_notice ORDER BY region_code, month_from, month_to, id DESC) latest
WHERE n.region_code = latest.region_code AND n.month_from = latest.month_from AND n.month_to = latest.month_to
  AND n.id <> latest.id;

CREATE UNIQUE INDEX complaint_notice_in_force ON complaint_notice (region_code, month_from, month_to)
    WHERE replaced_at IS NULL;
