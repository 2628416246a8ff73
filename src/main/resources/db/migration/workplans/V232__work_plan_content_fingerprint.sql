-- The fingerprint of the notice a plan was imported from (SHA-256 of its text without white space): the same notice
-- imported again by the same bureau is refused, naming the plan; the index also stops two confirms at once.
ALTER TABLE work_plan ADD COLUMN content_sha256 varchar(64);
CREATE UNIQUE INDEX work_plan_bureau_content ON work_plan (bureau_id, content_sha256) WHERE content_sha256 IS NOT NULL;
