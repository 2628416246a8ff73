-- Per-bureau overrides of the statutory rule catalogue (the catalogue itself, with its legal citations, is code).
-- region_code is the overriding bureau's region: the most specific override containing a row's region applies.
CREATE TABLE statutory_rule_override (
    region_code varchar(12)   NOT NULL,
    rule_code   varchar(80)   NOT NULL,
    bureau_id   bigint        NOT NULL,
    value       numeric(14,2) NOT NULL,
    reason      varchar(200)  NOT NULL,
    changed_by  varchar(100)  NOT NULL,
    changed_at  timestamptz   NOT NULL,
    PRIMARY KEY (region_code, rule_code)
);
