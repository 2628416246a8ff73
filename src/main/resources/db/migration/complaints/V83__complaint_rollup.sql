-- A year's province complaint figures (totals, by brand, by county) added up by month of receipt, region (as filed)
-- and brand: a few thousand rows a year instead of every complaint. Kept in the same transaction as every change of a
-- complaint (ComplaintRollup: the complaint's contribution is taken out before the change and added back after it);
-- checked against a recount from the complaint rows by ComplaintRollupIntegrationTest. The counters are those of
-- ComplaintFigures.totals.
CREATE TABLE complaint_rollup (
    month            date           NOT NULL,
    region_code      varchar(12)    NOT NULL,
    brand_id         bigint         NOT NULL,
    brand_name       varchar(60)    NOT NULL,
    received         bigint         NOT NULL,
    accepted         bigint         NOT NULL,
    not_accepted     bigint         NOT NULL,
    closed           bigint         NOT NULL,
    withdrawn        bigint         NOT NULL,
    valid            bigint         NOT NULL,
    transfer_on_time bigint         NOT NULL,
    replied          bigint         NOT NULL,
    reply_on_time    bigint         NOT NULL,
    answered_in_time bigint         NOT NULL,
    surveyed         bigint         NOT NULL,
    satisfied        bigint         NOT NULL,
    compensation     numeric(16, 2) NOT NULL,
    PRIMARY KEY (month, region_code, brand_id, brand_name)
);
CREATE INDEX complaint_rollup_region ON complaint_rollup (region_code text_pattern_ops, month);

INSERT INTO complaint_rollup
SELECT date_trunc('month', c.received_on)::date, c.region_code, coalesce(c.brand_id, 0), coalesce(c.brand_name, ''),
       count(*),
       count(*) FILTER (WHERE c.transferred_on IS NOT NULL),
       count(*) FILTER (WHERE c.status = 'REJECTED'),
       count(*) FILTER (WHERE c.status = 'CLOSED'),
       count(*) FILTER (WHERE c.status = 'WITHDRAWN'),
       count(*) FILTER (WHERE c.valid_complaint),
       count(*) FILTER (WHERE c.transferred_on <= c.transfer_due),
       count(*) FILTER (WHERE c.replied_on IS NOT NULL),
       count(*) FILTER (WHERE c.replied_on IS NOT NULL AND NOT c.reply_late),
       count(*) FILTER (WHERE c.closed_on IS NOT NULL AND c.closed_on <= c.answer_due),
       count(*) FILTER (WHERE c.satisfaction IS NOT NULL),
       count(*) FILTER (WHERE c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')),
       coalesce(sum(c.compensation_paid), 0)
FROM complaint c GROUP BY 1, 2, 3, 4;
