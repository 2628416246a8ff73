-- 普遍服务监督 records kept by a bureau, one table for the simple kinds (issue 18): 机要通信 checks, 党报当日见报
-- checks, 政务服务大厅 postal windows, 农村网点 on-site supervision visits and the 社会监督员 register. Each row lies
-- in a county (or city) of the bureau's region; the columns a kind does not use stay null (SupervisionKind says which).
CREATE TABLE universal_supervision (
    id               bigserial     PRIMARY KEY,
    kind             varchar(20)   NOT NULL CHECK (kind IN ('CONFIDENTIAL', 'PARTY_PAPER', 'HALL_WINDOW', 'OUTLET_VISIT', 'SUPERVISOR')),
    region_code      varchar(12)   NOT NULL,
    -- the day checked or visited; for a 社会监督员 the first day of the appointment
    day              date          NOT NULL,
    -- a 社会监督员's last day of the appointment (not before day)
    until_on         date          CHECK (until_on IS NULL OR until_on >= day),
    -- the unit checked, the newspaper, the hall, the 网点 or the 社会监督员's name
    subject          varchar(200)  NOT NULL,
    -- a hall's address
    place            varchar(200),
    -- a hall window's services
    detail           varchar(500),
    -- 机要通信: the inspectors, and their count (人次 of the check)
    inspectors       varchar(400),
    inspector_count  smallint      CHECK (inspector_count IS NULL OR inspector_count >= 1),
    -- 机要通信: an incident; 党报: delivered the same day; 网点: 督办
    flag             boolean,
    findings         varchar(1000),
    bureau_id        bigint,
    imported         boolean       NOT NULL DEFAULT false,
    recorded_at      timestamptz   NOT NULL,
    recorded_by      varchar(100)  NOT NULL,
    updated_at       timestamptz   NOT NULL,
    updated_by       varchar(100)  NOT NULL,
    demo             boolean       NOT NULL DEFAULT false
);
CREATE INDEX universal_supervision_kind_region ON universal_supervision (kind, region_code text_pattern_ops, day);

-- The reports a 社会监督员 handed in: the day received and what it was about.
CREATE TABLE universal_supervisor_report (
    id               bigserial     PRIMARY KEY,
    supervisor_id    bigint        NOT NULL REFERENCES universal_supervision (id),
    received_on      date          NOT NULL,
    summary          varchar(500)  NOT NULL,
    recorded_at      timestamptz   NOT NULL,
    recorded_by      varchar(100)  NOT NULL,
    demo             boolean       NOT NULL DEFAULT false
);
CREATE INDEX universal_supervisor_report_supervisor ON universal_supervisor_report (supervisor_id, received_on);
