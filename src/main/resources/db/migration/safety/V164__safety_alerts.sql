-- Anomaly alerts (issue 17 "Rates and alerts"): one row per rule, subject and China-time day, so the daily detection
-- can run again for a day without raising an alert twice.
--   rule       PSEUDONYM_ENTERPRISES (a), PSEUDONYM_VOLUME (b), COURIER_SELF (c), OUTLET_REAL_NAME (d), MACHINE_IDLE (e)
--   subject    what the alert is about: a sender pseudonym; pseudonym@enterprise; enterprise:courier; an outlet's
--              filing number; a screening machine's serial — never a clear ID number
--   region_code where it belongs (county where known): whose staff see it
CREATE TABLE safety_alert (
    id             bigserial    PRIMARY KEY,
    rule           varchar(24)  NOT NULL CHECK (rule IN ('PSEUDONYM_ENTERPRISES', 'PSEUDONYM_VOLUME', 'COURIER_SELF',
                                                         'OUTLET_REAL_NAME', 'MACHINE_IDLE')),
    subject        varchar(200) NOT NULL,
    day            date         NOT NULL,
    region_code    varchar(12)  COLLATE "C" NOT NULL,
    enterprise_id  bigint,
    measure        numeric(14,2) NOT NULL,
    threshold      numeric(14,2) NOT NULL,
    detail         varchar(1000) NOT NULL,
    status         varchar(12)  NOT NULL CHECK (status IN ('OPEN', 'DISMISSED', 'REFERRED')),
    reason         varchar(500),
    decided_by     varchar(100),
    decided_at     timestamptz,
    created_at     timestamptz  NOT NULL,
    version        integer      NOT NULL DEFAULT 0,
    UNIQUE (rule, subject, day),
    CHECK (status = 'OPEN' OR reason IS NOT NULL)
);
CREATE INDEX safety_alert_region ON safety_alert (region_code text_pattern_ops, status, day);
CREATE INDEX safety_alert_rule ON safety_alert (rule, day DESC, id);

-- The enterprises' courier rosters (快递员名册) for rule (c): the courier's ID number is kept only as its keyed
-- pseudonym (the same HMAC as the parcel records' sender pseudonym), never in clear.
CREATE TABLE safety_courier (
    enterprise_id  bigint       NOT NULL,
    courier_id     varchar(40)  NOT NULL,
    id_pseudonym   char(64)     NOT NULL,
    updated_at     timestamptz  NOT NULL,
    PRIMARY KEY (enterprise_id, courier_id)
);
