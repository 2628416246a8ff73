-- Universal service (普遍服务): the 通邮 profile of each 建制村 and the on-site 通邮 checks. A 建制村 is a 村委会 row of
-- the region module's village list (read through its view region_name); a village without a profile row is in the
-- register all the same, as "未登记".
CREATE TABLE village_profile (
    village_code            varchar(12)  PRIMARY KEY,
    -- DIRECT 直接通邮到村委会, POSTAL_SHOP 邮乐购站, VILLAGE_POST 村邮站, OTHER 其他交接点
    delivery_mode           varchar(20)  NOT NULL CHECK (delivery_mode IN ('DIRECT', 'POSTAL_SHOP', 'VILLAGE_POST', 'OTHER')),
    deliveries_per_week     smallint     NOT NULL CHECK (deliveries_per_week BETWEEN 0 AND 14),
    post_office_facility_id bigint,
    post_office_name        varchar(100),
    handover_type           varchar(50),
    handover_address        varchar(200),
    -- the postal enterprise that keeps the profile (its portal edits only its own)
    enterprise_credit_code  varchar(18)  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    updated_by              varchar(100) NOT NULL,
    demo                    boolean      NOT NULL DEFAULT false
);
CREATE INDEX village_profile_code_prefix ON village_profile (village_code text_pattern_ops);
CREATE INDEX village_profile_enterprise ON village_profile (enterprise_credit_code);

-- 建制村通邮现场监督检查: one row per village checked, by a team of at least two.
CREATE TABLE village_check (
    id                   bigserial    PRIMARY KEY,
    village_code         varchar(12)  NOT NULL,
    checked_on           date         NOT NULL,
    delivery_mode        varchar(20)  NOT NULL CHECK (delivery_mode IN ('DIRECT', 'POSTAL_SHOP', 'VILLAGE_POST', 'OTHER')),
    deliveries_observed  smallint     NOT NULL CHECK (deliveries_observed BETWEEN 0 AND 14),
    handover_records     boolean      NOT NULL,
    standard_delivery    boolean      NOT NULL,
    findings             varchar(1000),
    inspectors           varchar(400) NOT NULL,
    inspector_count      smallint     NOT NULL CHECK (inspector_count >= 2),
    bureau_id            bigint,
    recorded_at          timestamptz  NOT NULL,
    recorded_by          varchar(100) NOT NULL,
    demo                 boolean      NOT NULL DEFAULT false
);
CREATE INDEX village_check_code_prefix ON village_check (village_code text_pattern_ops, checked_on);
CREATE INDEX village_check_day ON village_check (checked_on);
