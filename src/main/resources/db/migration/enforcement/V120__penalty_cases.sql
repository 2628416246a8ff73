-- Administrative penalty cases (行政处罚): leads (线索), cases with their procedure, investigators, suspension periods
-- of the decision clock and the published decisions (双公示). Legal basis: 行政处罚法(2021) arts.36, 42, 44-45, 51,
-- 54-64, 67, 72, 85; 邮政行政执法监督办法(2021) art.17. violation_code = rules.ViolationType; amounts in yuan.

-- 线索. source_ref identifies the origin for idempotent intake of module events ('complaint:12', 'inspection:34',
-- 'rectification:5'); NULL for leads entered by staff.
CREATE TABLE penalty_lead (
    id                     bigserial PRIMARY KEY,
    region_code            varchar(12)   NOT NULL,
    source                 varchar(12)   NOT NULL CHECK (source IN ('INSPECTION', 'COMPLAINT', 'REPORT', 'TRANSFER')),
    source_ref             varchar(60),
    source_detail          varchar(200),
    enterprise_credit_code varchar(18),
    enterprise_name        varchar(200),
    summary                varchar(2000) NOT NULL,
    received_on            date          NOT NULL,
    status                 varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'PROPOSED', 'FILED', 'CLOSED')),
    proposed_violation     varchar(40),
    proposed_ended_on      date,
    proposed_by            varchar(100),
    closed_reason          varchar(500),
    closed_on              date,
    case_id                bigint,
    imported               boolean       NOT NULL DEFAULT false,
    demo                   boolean       NOT NULL DEFAULT false,
    created_by             varchar(100)  NOT NULL,
    created_at             timestamptz   NOT NULL
);
CREATE UNIQUE INDEX penalty_lead_source_ref ON penalty_lead (source_ref);
CREATE INDEX penalty_lead_region ON penalty_lead (region_code text_pattern_ops);

-- 案件. decision_due_on is kept current by every step that moves the clock (立案, extension, suspension).
CREATE TABLE penalty_case (
    id                     bigserial PRIMARY KEY,
    number                 varchar(60)   NOT NULL,
    lead_id                bigint        REFERENCES penalty_lead (id),
    region_code            varchar(12)   NOT NULL,
    bureau_id              bigint,
    source                 varchar(12)   NOT NULL,
    enterprise_credit_code varchar(18)   NOT NULL,
    enterprise_name        varchar(200)  NOT NULL,
    violation_code         varchar(40)   NOT NULL,
    violation_ended_on     date,
    facts                  varchar(4000),
    status                 varchar(16)   NOT NULL CHECK (status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED',
                                   'HEARING', 'DECIDED', 'DELIVERED', 'EXECUTED', 'CLOSED', 'NOT_PENALIZED', 'WITHDRAWN')),
    filed_on               date          NOT NULL,
    filing_approved_by     varchar(100),
    decision_due_on        date,
    extended               boolean       NOT NULL DEFAULT false,
    extension_reason       varchar(500),
    extension_approved_by  varchar(100),
    investigation_report   varchar(4000),
    serious                boolean       NOT NULL DEFAULT false,
    proposed_penalty       varchar(12),
    proposed_fine          numeric(14,2),
    review_required        boolean       NOT NULL DEFAULT false,
    reviewed_on            date,
    reviewed_by            varchar(100),
    reviewed_by_user_id    bigint,
    review_opinion         varchar(2000),
    notified_on            date,
    statement_on           date,
    statement              varchar(2000),
    hearing_requested_on   date,
    hearing_notified_on    date,
    hearing_on             date,
    discussed_on           date,
    decision_number        varchar(60),
    decided_on             date,
    penalty                varchar(12)   CHECK (penalty IN ('WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'REVOCATION', 'NONE')),
    fine                   numeric(14,2),
    mitigation             varchar(10)   CHECK (mitigation IN ('LIGHTER', 'REDUCED')),
    mitigation_ground      varchar(20),
    mitigation_reason      varchar(500),
    delivered_on           date,
    paid_on                date,
    paid_amount            numeric(14,2),
    surcharge              numeric(14,2),
    closed_on              date,
    closing_reason         varchar(500),
    published_on           date,
    publication_withdrawn_on date,
    publication_withdrawal_reason varchar(500),
    imported               boolean       NOT NULL DEFAULT false,
    demo                   boolean       NOT NULL DEFAULT false,
    created_by             varchar(100)  NOT NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);
CREATE UNIQUE INDEX penalty_case_number ON penalty_case (number);
CREATE UNIQUE INDEX penalty_case_decision_number ON penalty_case (region_code, decision_number);
CREATE INDEX penalty_case_region ON penalty_case (region_code text_pattern_ops);
CREATE INDEX penalty_case_decided ON penalty_case (decided_on);
CREATE INDEX penalty_case_published ON penalty_case (published_on) WHERE published_on IS NOT NULL;

-- 承办人员: at least two with enforcement certificates (行政处罚法(2021) art.42, 55).
CREATE TABLE penalty_case_investigator (
    case_id            bigint       NOT NULL REFERENCES penalty_case (id),
    position           integer      NOT NULL,
    inspector_id       bigint,
    user_id            bigint,
    name               varchar(50)  NOT NULL,
    certificate_number varchar(40)  NOT NULL,
    PRIMARY KEY (case_id, position)
);

-- Periods that do not count towards the decision limit (邮政行政执法监督办法(2021) art.17): both days included;
-- ended_on NULL while it lasts.
CREATE TABLE penalty_case_suspension (
    id         bigserial PRIMARY KEY,
    case_id    bigint       NOT NULL REFERENCES penalty_case (id),
    kind       varchar(16)  NOT NULL CHECK (kind IN ('SUSPENSION', 'HEARING', 'PUBLIC_NOTICE', 'TESTING', 'APPRAISAL')),
    started_on date         NOT NULL,
    ended_on   date,
    reason     varchar(500) NOT NULL
);
CREATE INDEX penalty_case_suspension_case ON penalty_case_suspension (case_id);
