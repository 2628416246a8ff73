-- 隐患 ledger: one row per hazard found at an enterprise (optionally at one of its outlets or facilities). The
-- enterprise's, outlet's and facility's names are copied as they were when the hazard was recorded (registry tables are
-- the registry's); region_code is where the hazard lies (the outlet's or facility's county, else the enterprise's) and
-- decides which bureaus see it. Open while closed_on is null; overdue when open past its deadline.
CREATE TABLE safety_hazard (
    id                     BIGSERIAL PRIMARY KEY,
    enterprise_id          BIGINT        NOT NULL,
    enterprise_credit_code VARCHAR(18)   NOT NULL,
    enterprise_name        VARCHAR(200)  NOT NULL,
    outlet_id              BIGINT,
    outlet_name            VARCHAR(200),
    facility_id            BIGINT,
    facility_name          VARCHAR(200),
    region_code            VARCHAR(12)   NOT NULL,
    found_on               DATE          NOT NULL,
    found_by               VARCHAR(100)  NOT NULL,
    source                 VARCHAR(20)   NOT NULL CHECK (source IN ('INSPECTION', 'SELF_CHECK', 'REPORT')),
    description            VARCHAR(1000) NOT NULL,
    level                  VARCHAR(10)   NOT NULL CHECK (level IN ('GENERAL', 'MAJOR')),
    deadline               DATE          NOT NULL CHECK (deadline >= found_on),
    deadline_basis         VARCHAR(300)  NOT NULL,
    rectification          VARCHAR(1000),
    closed_on              DATE,
    closed_by              VARCHAR(100),
    closure_note           VARCHAR(1000),
    created_at             TIMESTAMPTZ   NOT NULL,
    created_by             VARCHAR(100)  NOT NULL,
    demo                   BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK ((closed_on IS NULL) = (closed_by IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= found_on)
);

CREATE INDEX safety_hazard_region ON safety_hazard (region_code, found_on);
CREATE INDEX safety_hazard_enterprise ON safety_hazard (enterprise_credit_code, found_on);
CREATE INDEX safety_hazard_open ON safety_hazard (deadline) WHERE closed_on IS NULL;

-- 委托第三方安检企业: a screening contractor entrusted by an enterprise for its outlets, with the contract period. The
-- figures count contractors (distinct credit codes) with a contract active in a period.
CREATE TABLE safety_contractor (
    id                     BIGSERIAL PRIMARY KEY,
    name                   VARCHAR(200) NOT NULL,
    credit_code            VARCHAR(18)  NOT NULL,
    enterprise_id          BIGINT       NOT NULL,
    enterprise_credit_code VARCHAR(18)  NOT NULL,
    enterprise_name        VARCHAR(200) NOT NULL,
    region_code            VARCHAR(12)  NOT NULL,
    contract_from          DATE         NOT NULL,
    contract_to            DATE         NOT NULL CHECK (contract_to >= contract_from),
    created_at             TIMESTAMPTZ  NOT NULL,
    created_by             VARCHAR(100) NOT NULL,
    demo                   BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE INDEX safety_contractor_region ON safety_contractor (region_code, contract_from);

CREATE TABLE safety_contractor_outlet (
    contractor_id BIGINT       NOT NULL REFERENCES safety_contractor (id) ON DELETE CASCADE,
    outlet_id     BIGINT       NOT NULL,
    outlet_name   VARCHAR(200) NOT NULL,
    region_code   VARCHAR(12)  NOT NULL,
    PRIMARY KEY (contractor_id, outlet_id)
);
