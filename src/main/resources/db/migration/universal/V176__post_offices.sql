-- Issue 18, 邮政普遍服务营业场所 (post offices registered in the registry as facilities of kind POST_OFFICE). The
-- universal module keeps what it supervises about them in its own tables, read through the registry's Facilities API
-- when written: the facility's name, region and postal enterprise are copied in so the lists filter by region and
-- enterprise without reading the registry's tables.

-- Opening days and hours of a post office against the standard of its area (city ≥ 6, township ≥ 5 days a week).
CREATE TABLE post_office_hours (
    facility_id             bigint       PRIMARY KEY,
    facility_name           varchar(200) NOT NULL,
    region_code             varchar(12)  COLLATE "C" NOT NULL,
    enterprise_credit_code  varchar(18)  NOT NULL,
    -- CITY 城市, TOWNSHIP 乡、镇人民政府所在地
    area_type               varchar(10)  NOT NULL CHECK (area_type IN ('CITY', 'TOWNSHIP')),
    days_per_week           smallint     NOT NULL CHECK (days_per_week BETWEEN 0 AND 7),
    opening_hours           varchar(100) NOT NULL,
    updated_at              timestamptz  NOT NULL,
    updated_by              varchar(100) NOT NULL,
    demo                    boolean      NOT NULL DEFAULT false
);
CREATE INDEX post_office_hours_region ON post_office_hours (region_code text_pattern_ops);
CREATE INDEX post_office_hours_enterprise ON post_office_hours (enterprise_credit_code);

-- 撤销、搬迁邮政普遍服务营业场所的审批 (邮政法 art.9): applied for by the postal enterprise (or entered by staff from
-- paper), on-site check and local consultation, decision within 20 working days (+10 once, approved), public notice
-- within 10 working days of an approval.
CREATE TABLE post_office_approval (
    id                      bigserial    PRIMARY KEY,
    kind                    varchar(12)  NOT NULL CHECK (kind IN ('CLOSURE', 'RELOCATION')),
    facility_id             bigint       NOT NULL,
    facility_name           varchar(200) NOT NULL,
    region_code             varchar(12)  COLLATE "C" NOT NULL,
    enterprise_credit_code  varchar(18)  NOT NULL,
    reason                  varchar(1000) NOT NULL,
    new_address             varchar(300),
    status                  varchar(12)  NOT NULL CHECK (status IN ('SUBMITTED', 'CHECKED', 'APPROVED', 'REFUSED', 'ANNOUNCED')),
    received_on             date         NOT NULL,
    decision_due_on         date         NOT NULL,
    extended                boolean      NOT NULL DEFAULT false,
    extension_reason        varchar(500),
    extension_approved_by   varchar(100),
    checked_on              date,
    check_findings          varchar(1000),
    consultation            varchar(1000),
    decided_on              date,
    decision_reasons        varchar(2000),
    decided_by              varchar(100),
    notice_due_on           date,
    announced_on            date,
    notice_channel          varchar(300),
    entered_by_staff        boolean      NOT NULL DEFAULT false,
    imported                boolean      NOT NULL DEFAULT false,
    created_at              timestamptz  NOT NULL,
    created_by              varchar(100) NOT NULL,
    updated_at              timestamptz  NOT NULL,
    demo                    boolean      NOT NULL DEFAULT false,
    CHECK (kind = 'RELOCATION' OR new_address IS NULL),
    CHECK ((status IN ('APPROVED', 'REFUSED', 'ANNOUNCED')) = (decided_on IS NOT NULL)),
    CHECK (status <> 'ANNOUNCED' OR announced_on IS NOT NULL)
);
CREATE INDEX post_office_approval_region ON post_office_approval (region_code text_pattern_ops, status);
CREATE INDEX post_office_approval_enterprise ON post_office_approval (enterprise_credit_code);
CREATE INDEX post_office_approval_decided ON post_office_approval (decided_on);

-- 临时停业 reported by the postal enterprise: the days the post office is closed and why.
CREATE TABLE post_office_suspension (
    id                      bigserial    PRIMARY KEY,
    facility_id             bigint       NOT NULL,
    facility_name           varchar(200) NOT NULL,
    region_code             varchar(12)  COLLATE "C" NOT NULL,
    enterprise_credit_code  varchar(18)  NOT NULL,
    starts_on               date         NOT NULL,
    ends_on                 date         NOT NULL,
    reason                  varchar(500) NOT NULL,
    reported_at             timestamptz  NOT NULL,
    reported_by             varchar(100) NOT NULL,
    demo                    boolean      NOT NULL DEFAULT false,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX post_office_suspension_region ON post_office_suspension (region_code text_pattern_ops, starts_on);
CREATE INDEX post_office_suspension_enterprise ON post_office_suspension (enterprise_credit_code);
