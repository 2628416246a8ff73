-- 行政处罚法(2021) art.36: the 2-year limitation becomes 5 years where the violation concerns citizens' life and health
-- or financial safety and had harmful consequences. The proposal for 立案 says whether it does.
ALTER TABLE penalty_lead ADD COLUMN proposed_harm boolean NOT NULL DEFAULT false;
