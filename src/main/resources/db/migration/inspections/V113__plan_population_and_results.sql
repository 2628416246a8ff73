-- 双随机 plans over every kind of inspection object (检查对象名录库: the registry's enterprises, branches and outlets in
-- the plan's region), filtered by brand and credit class (a field now; every object is 未评定 until the credit module
-- rates enterprises), and the publication of the results within a configurable number of working days after each
-- check (youguan.inspections.result-publication-working-days, default 20).
ALTER TABLE inspection_plan
    ADD COLUMN object_type          varchar(12) NOT NULL DEFAULT 'ENTERPRISE'
        CHECK (object_type IN ('ENTERPRISE', 'BRANCH', 'OUTLET')),
    ADD COLUMN brand_id             bigint,
    ADD COLUMN credit_classes       text[],
    ADD COLUMN results_published_at timestamptz;

-- A target is the object drawn (its type, and for a branch or an outlet its name) and the enterprise answering for it
-- (enterprise_credit_code, enterprise_name: the branch's enterprise, the outlet's operator). The result, once published:
-- the day of the check, its outcome and the day it was published.
ALTER TABLE inspection_plan_target
    ADD COLUMN object_type         varchar(12)  NOT NULL DEFAULT 'ENTERPRISE'
        CHECK (object_type IN ('ENTERPRISE', 'BRANCH', 'OUTLET')),
    ADD COLUMN object_name         varchar(200),
    ADD COLUMN result_inspected_on date,
    ADD COLUMN result_outcome      varchar(14)
        CHECK (result_outcome IS NULL OR result_outcome IN ('NONE', 'INTERVIEW', 'RECTIFICATION', 'LEAD')),
    ADD COLUMN result_published_on date;
