-- 事故/突发事件 ledger: an incident at an enterprise (optionally one of its outlets), when it occurred, its kind and level,
-- the time it had to be reported by (from the rules catalogue, basis kept), when it was reported, the follow-up and the
-- closure by the bureau.
CREATE TABLE safety_incident (
    id                     BIGSERIAL PRIMARY KEY,
    enterprise_id          BIGINT        NOT NULL,
    enterprise_credit_code VARCHAR(18)   NOT NULL,
    enterprise_name        VARCHAR(200)  NOT NULL,
    outlet_id              BIGINT,
    outlet_name            VARCHAR(200),
    region_code            VARCHAR(12)   NOT NULL,
    occurred_at            TIMESTAMPTZ   NOT NULL,
    kind                   VARCHAR(20)   NOT NULL CHECK (kind IN ('ACCIDENT', 'EMERGENCY')),
    level                  VARCHAR(20)   NOT NULL CHECK (level IN ('GENERAL', 'LARGER', 'MAJOR', 'GRAVE')),
    description            VARCHAR(1000) NOT NULL,
    report_due             TIMESTAMPTZ   NOT NULL,
    report_basis           VARCHAR(300)  NOT NULL,
    reported_at            TIMESTAMPTZ,
    follow_up              VARCHAR(2000),
    closed_on              DATE,
    closure_note           VARCHAR(1000),
    created_at             TIMESTAMPTZ   NOT NULL,
    created_by             VARCHAR(100)  NOT NULL,
    demo                   BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK (reported_at IS NULL OR reported_at >= occurred_at)
);

CREATE INDEX safety_incident_region ON safety_incident (region_code, occurred_at);
CREATE INDEX safety_incident_enterprise ON safety_incident (enterprise_credit_code, occurred_at);
