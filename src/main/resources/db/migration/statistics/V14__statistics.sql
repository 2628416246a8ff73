-- Industry statistics (行业统计): indicator catalogue, report forms, enterprise reports with revisions, approved facts
-- for aggregation, validation rules, targets and reminders.

CREATE TABLE stat_indicator (
    code             varchar(60) PRIMARY KEY,
    name             varchar(100) NOT NULL,
    unit             varchar(20)  NOT NULL,
    value_type       varchar(10)  NOT NULL CHECK (value_type IN ('INTEGER', 'DECIMAL', 'PERCENT')),
    aggregation      varchar(10)  NOT NULL CHECK (aggregation IN ('SUM', 'WEIGHTED', 'LAST')),
    denominator_code varchar(60) REFERENCES stat_indicator (code),
    formula          varchar(300),
    description      varchar(500) NOT NULL DEFAULT '',
    category         varchar(20)  NOT NULL,
    position         integer      NOT NULL,
    CHECK (aggregation <> 'WEIGHTED' OR denominator_code IS NOT NULL)
);

CREATE TABLE stat_form (
    id               bigserial PRIMARY KEY,
    code             varchar(40)  NOT NULL UNIQUE,
    name             varchar(100) NOT NULL,
    period_type      varchar(10)  NOT NULL CHECK (period_type IN ('MONTH', 'QUARTER', 'YEAR')),
    due_day          integer      NOT NULL CHECK (due_day BETWEEN 1 AND 28),
    enterprise_types varchar(100) NOT NULL,
    brand_id         bigint REFERENCES brand (id),
    region_prefix    varchar(12)  NOT NULL DEFAULT '',
    active           boolean      NOT NULL DEFAULT true,
    version          integer      NOT NULL DEFAULT 0
);

CREATE TABLE stat_form_indicator (
    form_id        bigint      NOT NULL REFERENCES stat_form (id) ON DELETE CASCADE,
    indicator_code varchar(60) NOT NULL REFERENCES stat_indicator (code),
    position       integer     NOT NULL,
    PRIMARY KEY (form_id, indicator_code)
);

CREATE TABLE stat_rule (
    code          varchar(40) PRIMARY KEY,
    left_formula  varchar(300) NOT NULL,
    operator      varchar(2)   NOT NULL CHECK (operator IN ('=', '<=', '>=')),
    right_formula varchar(300) NOT NULL,
    message       varchar(200) NOT NULL
);

CREATE TABLE stat_report (
    id               bigserial PRIMARY KEY,
    form_id          bigint       NOT NULL REFERENCES stat_form (id),
    enterprise_id    bigint       NOT NULL REFERENCES enterprise (id),
    enterprise_name  varchar(200) NOT NULL,
    credit_code      varchar(18)  NOT NULL,
    region_code      varchar(12)  NOT NULL,
    brand_id         bigint,
    period           varchar(8)   NOT NULL,
    period_start     date         NOT NULL,
    period_end       date         NOT NULL,
    revision         integer      NOT NULL,
    status           varchar(12)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED')),
    due_on           date         NOT NULL,
    first_submitted_at timestamptz,
    submitted_at     timestamptz,
    on_time          boolean,
    comment          varchar(1000),
    return_reason    varchar(500),
    decided_at       timestamptz,
    decided_by       varchar(60),
    revision_reason  varchar(500),
    demo             boolean      NOT NULL DEFAULT false,
    created_at       timestamptz  NOT NULL,
    version          integer      NOT NULL DEFAULT 0,
    UNIQUE (form_id, enterprise_id, period, revision)
);
CREATE INDEX stat_report_queue ON stat_report (status, region_code text_pattern_ops);
CREATE INDEX stat_report_period ON stat_report (form_id, period);

CREATE TABLE stat_report_value (
    report_id      bigint        NOT NULL REFERENCES stat_report (id) ON DELETE CASCADE,
    indicator_code varchar(60)   NOT NULL REFERENCES stat_indicator (code),
    value          numeric(20, 4),
    note           varchar(300),
    PRIMARY KEY (report_id, indicator_code)
);

-- Approved values (one row per unit, indicator and period), what every aggregate reads. Reports write them on
-- approval (a later approved revision replaces them); the history import writes region-level rows (no enterprise).
CREATE TABLE stat_fact (
    id             bigserial PRIMARY KEY,
    indicator_code varchar(60)   NOT NULL REFERENCES stat_indicator (code),
    period_start   date          NOT NULL,
    period_end     date          NOT NULL,
    region_code    varchar(12)   NOT NULL,
    brand_id       bigint,
    enterprise_id  bigint,
    report_id      bigint REFERENCES stat_report (id),
    source         varchar(8)    NOT NULL CHECK (source IN ('REPORT', 'HISTORY')),
    value          numeric(20, 4) NOT NULL
);
CREATE UNIQUE INDEX stat_fact_unit ON stat_fact (indicator_code, period_start, period_end, region_code,
    coalesce(enterprise_id, 0), coalesce(brand_id, 0));
CREATE INDEX stat_fact_aggregate ON stat_fact (indicator_code, period_start, region_code text_pattern_ops)
    INCLUDE (period_end, brand_id, enterprise_id, value);

CREATE TABLE stat_target (
    id             bigserial PRIMARY KEY,
    region_code    varchar(12)    NOT NULL,
    year           integer        NOT NULL,
    indicator_code varchar(60)    NOT NULL REFERENCES stat_indicator (code),
    target_value   numeric(20, 4),
    target_growth  numeric(8, 2),
    version        integer        NOT NULL DEFAULT 0,
    UNIQUE (region_code, year, indicator_code),
    CHECK (target_value IS NOT NULL OR target_growth IS NOT NULL)
);

CREATE TABLE stat_reminder (
    id            bigserial PRIMARY KEY,
    form_id       bigint      NOT NULL REFERENCES stat_form (id),
    period        varchar(8)  NOT NULL,
    enterprise_id bigint      NOT NULL REFERENCES enterprise (id),
    sent_at       timestamptz NOT NULL,
    sent_by       varchar(60) NOT NULL
);
CREATE INDEX stat_reminder_enterprise ON stat_reminder (enterprise_id, sent_at DESC);

-- The national monthly set and the seeds' green and courier-care indicators (DOMAIN.md, Statistics).
INSERT INTO stat_indicator (code, name, unit, value_type, aggregation, denominator_code, formula, description, category, position) VALUES
 ('postal.total', '邮政行业业务总量', '万元', 'DECIMAL', 'SUM', NULL, NULL, '按不变单价计算的邮政行业业务总量', 'NATIONAL', 10),
 ('postal.revenue', '邮政行业业务收入', '万元', 'DECIMAL', 'SUM', NULL, NULL, '不包括邮政储蓄银行直接营业收入', 'NATIONAL', 20),
 ('postal.delivery.volume', '邮政寄递服务业务量', '件', 'INTEGER', 'SUM', NULL, NULL, '函件、包裹、报刊等邮政寄递服务', 'NATIONAL', 30),
 ('postal.delivery.revenue', '邮政寄递服务业务收入', '万元', 'DECIMAL', 'SUM', NULL, NULL, '', 'NATIONAL', 40),
 ('express.volume.local', '快递业务量（同城）', '件', 'INTEGER', 'SUM', NULL, NULL, '收寄地与寄达地在同一城市', 'NATIONAL', 50),
 ('express.volume.intercity', '快递业务量（异地）', '件', 'INTEGER', 'SUM', NULL, NULL, '寄往本市以外的国内地区', 'NATIONAL', 60),
 ('express.volume.international', '快递业务量（国际及港澳台）', '件', 'INTEGER', 'SUM', NULL, NULL, '寄往境外及港澳台地区', 'NATIONAL', 70),
 ('express.volume', '快递业务量', '件', 'INTEGER', 'SUM', NULL,
    'express.volume.local + express.volume.intercity + express.volume.international', '同城、异地、国际及港澳台之和', 'NATIONAL', 80),
 ('express.revenue', '快递业务收入', '万元', 'DECIMAL', 'SUM', NULL, NULL, '', 'NATIONAL', 90),
 ('green.ewaybill.rate', '电子面单使用率', '%', 'PERCENT', 'WEIGHTED', 'express.volume', NULL, '按快递业务量加权平均', 'GREEN', 110),
 ('green.reusable.boxes', '可循环快递箱（盒）投放量', '个', 'INTEGER', 'SUM', NULL, NULL, '', 'GREEN', 120),
 ('green.recycled.boxes', '回收复用瓦楞纸箱', '个', 'INTEGER', 'SUM', NULL, NULL, '', 'GREEN', 130),
 ('green.transfer.bags', '循环中转袋使用量', '个', 'INTEGER', 'SUM', NULL, NULL, '', 'GREEN', 140),
 ('green.ev.vehicles', '新能源车辆保有量', '辆', 'INTEGER', 'LAST', NULL, NULL, '期末保有量', 'GREEN', 150),
 ('care.stations', '爱心驿站', '个', 'INTEGER', 'LAST', NULL, NULL, '期末数量', 'CARE', 210),
 ('care.health.checks', '快递员体检人次', '人次', 'INTEGER', 'SUM', NULL, NULL, '', 'CARE', 220),
 ('care.locker.compartments', '智能快件箱格口', '个', 'INTEGER', 'LAST', NULL, NULL, '期末数量', 'CARE', 230);

INSERT INTO stat_rule (code, left_formula, operator, right_formula, message) VALUES
 ('revenue-covers-express', 'postal.revenue', '>=', 'express.revenue', '邮政行业业务收入应不小于快递业务收入'),
 ('revenue-covers-delivery', 'postal.revenue', '>=', 'postal.delivery.revenue', '邮政行业业务收入应不小于邮政寄递服务业务收入');

INSERT INTO stat_form (code, name, period_type, due_day, enterprise_types) VALUES
 ('monthly', '邮政行业运行情况月报', 'MONTH', 5, 'POSTAL,EXPRESS'),
 ('green-care', '绿色发展与快递员权益保障季报', 'QUARTER', 10, 'POSTAL,EXPRESS');
INSERT INTO stat_form_indicator (form_id, indicator_code, position)
SELECT f.id, i.code, i.position FROM stat_form f JOIN stat_indicator i
  ON (f.code = 'monthly' AND (i.category = 'NATIONAL' OR i.code = 'green.ewaybill.rate'))
  OR (f.code = 'green-care' AND i.category IN ('GREEN', 'CARE') AND i.code <> 'green.ewaybill.rate');
