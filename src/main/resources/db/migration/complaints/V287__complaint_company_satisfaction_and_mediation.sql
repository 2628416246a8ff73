-- The three satisfaction rates of the national notices (DOMAIN.md, Complaints: with the regulator, with 邮政普遍服务,
-- with express companies) and the mediation (调解) between the filer and the company.
--
-- company_satisfaction: the filer's satisfaction with the company's handling, asked at the call-back that reached the
-- filer (the existing satisfaction column stays the satisfaction with the bureau's handling). Old rows keep null: they
-- count in neither company rate.
-- respondent_type: the respondent enterprise's type when the complaint was transferred (registry EnterpriseType). A
-- complaint carries no 函件/包件 or business kind, so the 普遍服务 rate counts the complaints whose respondent is a postal
-- enterprise (POSTAL) and the express rate the others (EXPRESS, OTHER). Filled here from the registry for transferred
-- complaints; set at every later transfer by ComplaintProcedure.acceptAndTransfer.
-- mediation_*: the bureau's mediation — 调解成功 / 调解不成功, the remedy agreed (free text) and amount (元), the day.
ALTER TABLE complaint
    ADD COLUMN company_satisfaction varchar(20)
        CHECK (company_satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    ADD COLUMN respondent_type      varchar(12) CHECK (respondent_type IN ('POSTAL', 'EXPRESS', 'OTHER')),
    ADD COLUMN mediation_result     varchar(12) CHECK (mediation_result IN ('SUCCEEDED', 'FAILED')),
    ADD COLUMN mediation_remedy     varchar(500),
    ADD COLUMN mediation_amount     numeric(12, 2),
    ADD COLUMN mediated_on          date;

UPDATE complaint c SET respondent_type = e.type FROM enterprise e WHERE e.id = c.enterprise_id;

-- the roll-up's counters of the two company rates (ComplaintRollup, ComplaintFigures.totals); nothing to count yet
ALTER TABLE complaint_rollup
    ADD COLUMN postal_surveyed   bigint NOT NULL DEFAULT 0,
    ADD COLUMN postal_satisfied  bigint NOT NULL DEFAULT 0,
    ADD COLUMN express_surveyed  bigint NOT NULL DEFAULT 0,
    ADD COLUMN express_satisfied bigint NOT NULL DEFAULT 0;
