-- Approved values added up by indicator, period, region (the reporter's county) and brand: what sums and their
-- groupings read, a few hundred rows per indicator and month where the facts have one per reporting unit. Kept in the
-- same transaction as the facts (StatisticsRollup); stocks and weighted rates still read the per-unit facts.
CREATE TABLE stat_rollup (
    indicator_code varchar(60)    NOT NULL REFERENCES stat_indicator (code),
    period_start   date           NOT NULL,
    period_end     date           NOT NULL,
    region_code    varchar(12)    NOT NULL,
    brand_key      bigint         NOT NULL,
    value          numeric(24, 4) NOT NULL,
    PRIMARY KEY (indicator_code, period_start, period_end, region_code, brand_key)
);
CREATE INDEX stat_rollup_aggregate ON stat_rollup (indicator_code, period_start, region_code text_pattern_ops)
    INCLUDE (period_end, brand_key, value);

INSERT INTO stat_rollup (indicator_code, period_start, period_end, region_code, brand_key, value)
SELECT indicator_code, period_start, period_end, region_code, coalesce(brand_id, 0), sum(value)
FROM stat_fact GROUP BY 1, 2, 3, 4, 5;
