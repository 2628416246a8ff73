-- Daily rollups beside the hourly ones: the rate pages and the figures API ask for whole China-time days, and a
-- city-month read from the hourly grain was 1.5 M rows (1.3 s, docs/performance.md); the daily grain is 24× fewer.
-- Written by the parcel sink in the same transaction as the hourly rows (ParcelRollups), so the two never disagree.
CREATE TABLE safety_parcel_day (
    day                  date    NOT NULL,
    enterprise_id        bigint  NOT NULL,
    outlet_filing_number text    NOT NULL DEFAULT '',
    sender_region        text    NOT NULL,
    parcels              bigint  NOT NULL,
    exempt               bigint  NOT NULL,
    real_name            bigint  NOT NULL,
    inspected            bigint  NOT NULL,
    screened             bigint  NOT NULL,
    PRIMARY KEY (day, enterprise_id, outlet_filing_number, sender_region)
);
CREATE INDEX safety_parcel_day_region ON safety_parcel_day (sender_region text_pattern_ops, day);
CREATE INDEX safety_parcel_day_enterprise ON safety_parcel_day (enterprise_id, day);

INSERT INTO safety_parcel_day (day, enterprise_id, outlet_filing_number, sender_region, parcels, exempt, real_name,
    inspected, screened)
SELECT (hour AT TIME ZONE 'Asia/Shanghai')::date, enterprise_id, outlet_filing_number, sender_region, sum(parcels),
    sum(exempt), sum(real_name), sum(inspected), sum(screened)
FROM safety_parcel_hour
GROUP BY 1, 2, 3, 4;
