-- 快递业务经营许可 (邮政法(2015) arts.51-55; 行政许可法(2019) arts.32, 42, 44; 快递业务经营许可管理办法): applications
-- from receipt to decision, their branches, the days that do not count towards the decision limit, and the
-- certificate's verification code. The licence itself is the registry's record (created when the registry hears the
-- decision); region_code is the premises' region, on which every data scope is checked.
CREATE TABLE licence_application (
    id                      bigserial PRIMARY KEY,
    number                  varchar(60)   NOT NULL,
    kind                    varchar(10)   NOT NULL CHECK (kind IN ('NEW', 'CHANGE', 'RENEWAL', 'BRANCH')),
    channel                 varchar(10)   NOT NULL CHECK (channel IN ('PORTAL', 'PAPER', 'IMPORTED')),
    applicant_credit_code   varchar(18)   NOT NULL,
    applicant_name          varchar(200)  NOT NULL,
    applicant_registered    boolean       NOT NULL,
    legal_representative    varchar(50),
    registered_capital      numeric(16,2),
    scope                   varchar(16)   NOT NULL CHECK (scope IN ('CITY', 'PROVINCE', 'INTER_PROVINCE', 'INTERNATIONAL')),
    approving_level         varchar(10)   NOT NULL CHECK (approving_level IN ('PROVINCE', 'NATIONAL')),
    service_area            varchar(500),
    premises_address        varchar(300),
    region_code             varchar(12)   NOT NULL,
    safety_system           varchar(2000),
    service_system          varchar(2000),
    personnel               varchar(1000),
    contact_name            varchar(50),
    contact_phone           varchar(30),
    status                  varchar(20)   NOT NULL CHECK (status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED',
                                'REVIEWED', 'VERIFIED', 'APPROVED', 'REFUSED', 'NOT_ACCEPTED')),
    submitted_on            date          NOT NULL,
    receipt_due_on          date,
    correction_notified_on  date,
    correction_items        varchar(4000),
    corrected_on            date,
    accepted_on             date,
    accepted_by_law         boolean       NOT NULL DEFAULT false,
    receipt_number          varchar(60),
    not_accepted_on         date,
    not_accepted_reason     varchar(1000),
    competent_bureau        varchar(100),
    reviewed_on             date,
    reviewed_by             varchar(100),
    review_opinion          varchar(2000),
    verification_due_on     date,
    verified_on             date,
    verification_passed     boolean,
    verification_conclusion varchar(2000),
    inspectors              varchar(200),
    decision_due_on         date,
    decided_on              date,
    decision                varchar(10)   CHECK (decision IN ('APPROVED', 'REFUSED')),
    decision_number         varchar(60),
    decision_reasons        varchar(2000),
    decided_by              varchar(100),
    licence_number          varchar(60),
    verification_code       varchar(16),
    certificate_due_on      date,
    valid_from              date,
    valid_until             date,
    imported                boolean       NOT NULL DEFAULT false,
    demo                    boolean       NOT NULL DEFAULT false,
    created_by              varchar(100)  NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL
);
CREATE UNIQUE INDEX licence_application_number ON licence_application (number);
CREATE UNIQUE INDEX licence_application_licence ON licence_application (licence_number) WHERE licence_number IS NOT NULL;
CREATE INDEX licence_application_region ON licence_application (region_code text_pattern_ops);
CREATE INDEX licence_application_applicant ON licence_application (applicant_credit_code);
CREATE INDEX licence_application_submitted ON licence_application (submitted_on);

-- 分支机构 named in the application: each reviewed one counts as one 初审家次.
CREATE TABLE licence_application_branch (
    application_id bigint       NOT NULL REFERENCES licence_application (id),
    position       integer      NOT NULL,
    name           varchar(200) NOT NULL,
    address        varchar(300),
    PRIMARY KEY (application_id, position)
);

-- 现场核查 checklist lines (快递业务经营许可管理办法: 场地、安全、服务、人员).
CREATE TABLE licence_verification_item (
    application_id bigint        NOT NULL REFERENCES licence_application (id),
    position       integer       NOT NULL,
    item           varchar(200)  NOT NULL,
    passed         boolean       NOT NULL,
    note           varchar(500),
    PRIMARY KEY (application_id, position)
);

-- Periods that do not count towards the 45-day decision limit (补正核查缺陷, 听证, 专家评审; 行政许可法(2019) art.45):
-- both days included; ended_on NULL while it lasts.
CREATE TABLE licence_application_suspension (
    id             bigserial    PRIMARY KEY,
    application_id bigint       NOT NULL REFERENCES licence_application (id),
    kind           varchar(16)  NOT NULL CHECK (kind IN ('CORRECTION', 'HEARING', 'EXPERT_REVIEW')),
    started_on     date         NOT NULL,
    ended_on       date,
    reason         varchar(500) NOT NULL
);
CREATE INDEX licence_application_suspension_application ON licence_application_suspension (application_id);
