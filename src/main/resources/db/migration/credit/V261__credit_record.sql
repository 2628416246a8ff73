-- 信用记录 (快递业信用管理暂行办法, 国邮发〔2017〕105号): one entry per fact taken in from another module's event
-- (a penalty decision, a rectification order past its deadline), once per origin (source_ref), and the enterprise's
-- objections to an entry (art.18). A correction owed (art.17: a penalty changed or revoked; art.18: an objection
-- upheld) is kept on the entry with its due day until staff record it.
CREATE TABLE credit_entry (
    id                    bigserial PRIMARY KEY,
    enterprise_credit_code varchar(18)  NOT NULL,
    enterprise_name       varchar(200),
    region_code           varchar(12)  NOT NULL,
    source                varchar(20)  NOT NULL,
    source_ref            varchar(100) NOT NULL UNIQUE,
    source_number         varchar(100),
    kind                  varchar(40)  NOT NULL,
    summary               varchar(1000) NOT NULL,
    occurred_on           date         NOT NULL,
    status                varchar(20)  NOT NULL DEFAULT 'IN_FORCE',
    correction_kind       varchar(20),
    correction_summary    varchar(1000),
    correction_reason     varchar(1000),
    correction_origin     varchar(20),
    correction_due_on     date,
    -- the origin of the last correction owed ("remedy:<文号>", "objection:<id>"): a redelivered event proposes it once
    correction_ref        varchar(150),
    corrected_on          date,
    corrected_by          varchar(100),
    created_at            timestamptz  NOT NULL,
    CHECK (source IN ('PENALTY', 'INSPECTION')),
    CHECK (status IN ('IN_FORCE', 'CHANGED', 'REMOVED')),
    CHECK (correction_kind IS NULL OR correction_kind IN ('CHANGE', 'REMOVE')),
    CHECK ((correction_kind IS NULL) = (correction_due_on IS NULL))
);
CREATE INDEX credit_entry_region ON credit_entry (region_code text_pattern_ops);
CREATE INDEX credit_entry_enterprise ON credit_entry (enterprise_credit_code);
CREATE INDEX credit_entry_due ON credit_entry (correction_due_on) WHERE correction_due_on IS NOT NULL;

CREATE TABLE credit_objection (
    id                    bigserial PRIMARY KEY,
    entry_id              bigint       NOT NULL REFERENCES credit_entry (id),
    enterprise_credit_code varchar(18)  NOT NULL,
    region_code           varchar(12)  NOT NULL,
    reason                varchar(2000) NOT NULL,
    filed_on              date         NOT NULL,
    filed_by              varchar(100) NOT NULL,
    review_due_on         date         NOT NULL,
    status                varchar(20)  NOT NULL DEFAULT 'FILED',
    reviewed_on           date,
    reviewed_by           varchar(100),
    review_reason         varchar(1000),
    created_at            timestamptz  NOT NULL,
    CHECK (status IN ('FILED', 'UPHELD', 'REJECTED'))
);
-- one objection under review per entry: a second is refused (409) until the first is decided
CREATE UNIQUE INDEX credit_objection_open ON credit_objection (entry_id) WHERE status = 'FILED';
CREATE INDEX credit_objection_region ON credit_objection (region_code text_pattern_ops);
