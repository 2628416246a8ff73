-- 重大活动寄递安保期: a period (a summit, 双11 …) in a region with its rules; the enterprises of the region file a daily
-- report for each day of it (parcels taken in, parcels screened, issues). One report per enterprise and day (a second
-- filing corrects the first, audited).
CREATE TABLE safety_security_period (
    id              BIGSERIAL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    region_code     VARCHAR(12)   NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE          NOT NULL CHECK (ends_on >= starts_on),
    full_screening  BOOLEAN       NOT NULL,
    daily_reporting BOOLEAN       NOT NULL,
    other_rules     VARCHAR(1000),
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);

CREATE INDEX safety_security_period_region ON safety_security_period (region_code, starts_on);

CREATE TABLE safety_period_report (
    id                     BIGSERIAL PRIMARY KEY,
    period_id              BIGINT        NOT NULL REFERENCES safety_security_period (id),
    day                    DATE          NOT NULL,
    enterprise_id          BIGINT        NOT NULL,
    enterprise_credit_code VARCHAR(18)   NOT NULL,
    enterprise_name        VARCHAR(200)  NOT NULL,
    parcels                BIGINT        NOT NULL CHECK (parcels >= 0),
    screened               BIGINT        NOT NULL CHECK (screened >= 0 AND screened <= parcels),
    issues                 VARCHAR(1000),
    reported_at            TIMESTAMPTZ   NOT NULL,
    reported_by            VARCHAR(100)  NOT NULL,
    UNIQUE (period_id, day, enterprise_credit_code)
);
