-- The terms of an express licence besides its scope and dates, as the licensing decision that granted or changed it
-- states them (快递业务经营许可管理办法: 注册资本, 服务地域, 分支机构名录): kept on the registry's licence so that an approved
-- change (变更) shows and audits them before → after. NULL for licences recorded by hand or imported without them.
-- licensed_branches holds the branch names, one a line.
ALTER TABLE express_licence
    ADD COLUMN registered_capital numeric(16,2),
    ADD COLUMN service_area       varchar(500),
    ADD COLUMN licensed_branches  text;

-- 年度报告 as the enterprise's page shows them: the registry's copy of what the licensing module heard filed
-- (AnnualReportFiled), one row per enterprise and reported year; a refiled report replaces the figures.
CREATE TABLE enterprise_annual_report (
    enterprise_id   bigint        NOT NULL REFERENCES enterprise (id),
    year            integer       NOT NULL,
    filed_on        date          NOT NULL,
    late            boolean       NOT NULL,
    business_volume bigint        NOT NULL,
    revenue         numeric(16,2) NOT NULL,
    outlets         integer       NOT NULL,
    staff           integer       NOT NULL,
    PRIMARY KEY (enterprise_id, year)
);
