-- A transfer to an enterprise of another brand or outside the transferring bureau's region needs a reason and is
-- flagged (a county must not move a complaint to another province silently).
ALTER TABLE complaint ADD COLUMN transfer_reason varchar(500);
ALTER TABLE complaint ADD COLUMN transfer_flagged boolean NOT NULL DEFAULT false;
