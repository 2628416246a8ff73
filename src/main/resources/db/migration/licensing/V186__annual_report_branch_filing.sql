-- 年度报告 (快递业务经营许可管理办法: the holder of an express licence reports its business of the past year): filed on
-- the portal (or entered by staff from paper) in the window 01-01 … 04-30 of the next year (rule
-- licence.annual-report-window); filed later it is taken and marked late. One report per enterprise and year.
-- region_code is the holder's licence region, on which the data scope is checked.
CREATE TABLE annual_report (
    id              bigserial     PRIMARY KEY,
    year            integer       NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    credit_code     varchar(18)   NOT NULL,
    enterprise_name varchar(200)  NOT NULL,
    region_code     varchar(12)   NOT NULL,
    business_volume bigint        NOT NULL CHECK (business_volume >= 0),
    revenue         numeric(16,2) NOT NULL CHECK (revenue >= 0),
    outlets         integer       NOT NULL CHECK (outlets >= 0),
    staff           integer       NOT NULL CHECK (staff >= 0),
    filed_on        date          NOT NULL,
    due_on          date          NOT NULL,
    late            boolean       NOT NULL,
    channel         varchar(10)   NOT NULL CHECK (channel IN ('PORTAL', 'PAPER')),
    filed_by        varchar(100)  NOT NULL,
    demo            boolean       NOT NULL DEFAULT false,
    created_at      timestamptz   NOT NULL,
    UNIQUE (credit_code, year)
);
CREATE INDEX annual_report_region ON annual_report (region_code text_pattern_ops);
CREATE INDEX annual_report_filed ON annual_report (filed_on);

-- Reminders to file (from 03-01, rule licence.annual-report-reminder): once per enterprise and year.
CREATE TABLE annual_report_reminder (
    credit_code varchar(18) NOT NULL,
    year        integer     NOT NULL,
    sent_on     date        NOT NULL,
    PRIMARY KEY (credit_code, year)
);

-- 分支机构备案 (快递业务经营许可管理办法: within 20 days of the branch's business licence, rule branch.filing), moved here
-- from the registry's form: a complete filing is taken on the spot; a late one is taken and flagged. The registry records
-- the branch when it hears BranchFiled. region_code is the branch's county, on which the data scope is checked.
CREATE TABLE branch_filing (
    id                    bigserial    PRIMARY KEY,
    parent_credit_code    varchar(18)  NOT NULL,
    parent_name           varchar(200) NOT NULL,
    licence_number        varchar(60)  NOT NULL,
    name                  varchar(200) NOT NULL,
    region_code           varchar(12)  NOT NULL,
    address               varchar(300) NOT NULL,
    head_name             varchar(60)  NOT NULL,
    business_licence_date date         NOT NULL,
    filed_on              date         NOT NULL,
    due_on                date         NOT NULL,
    late                  boolean      NOT NULL,
    channel               varchar(10)  NOT NULL CHECK (channel IN ('PORTAL', 'PAPER')),
    filed_by              varchar(100) NOT NULL,
    demo                  boolean      NOT NULL DEFAULT false,
    created_at            timestamptz  NOT NULL,
    UNIQUE (parent_credit_code, name)
);
CREATE INDEX branch_filing_region ON branch_filing (region_code text_pattern_ops);
