-- 行政处罚法(2021) art.36: a lead proposed under the 5-year limitation (life and health or financial safety, with harmful
-- consequences) states why; leads proposed before this was kept have no reason.
ALTER TABLE penalty_lead ADD COLUMN proposed_harm_reason varchar(500);
