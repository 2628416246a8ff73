-- Issue 17 "an alert can become an inspection target": the list of key inspection targets (重点检查对象) other modules
-- put enterprises on through their published events — so far a safety anomaly alert listed as 列为检查对象
-- (SafetyAlertTargeted). One row per origin (source_ref, e.g. 'safety-alert:12'), so a redelivered event adds nothing.
-- A target is inspected when an inspection of its enterprise is recorded on or after listed_on (read, not stored).
-- The 双随机 draw's population is not changed by this list (the draw stays the registry's snapshot).
CREATE TABLE inspection_key_target (
    id                     bigserial     PRIMARY KEY,
    region_code            varchar(12)   COLLATE "C" NOT NULL,
    enterprise_credit_code varchar(18)   NOT NULL,
    enterprise_name        varchar(200),
    source                 varchar(16)   NOT NULL CHECK (source IN ('SAFETY_ALERT')),
    source_ref             varchar(100)  NOT NULL UNIQUE,
    source_detail          varchar(200)  NOT NULL,
    source_link            varchar(200),
    summary                varchar(2000) NOT NULL,
    reason                 varchar(500)  NOT NULL,
    listed_on              date          NOT NULL,
    listed_by              varchar(100)  NOT NULL,
    created_at             timestamptz   NOT NULL
);
CREATE INDEX inspection_key_target_region ON inspection_key_target (region_code text_pattern_ops, listed_on DESC);
