-- Inspections (双随机一公开, 快递暂行条例(2025) art.47; 快递市场管理办法(2023) art.42): the catalogue of inspection
-- items, the roster of certified inspectors, inspection records with their teams and items, and 责令改正 orders.

-- 抽查事项清单. bureau_id NULL: the default list derived from the law, shared by every bureau; a bureau adds its own.
-- The legal basis is a citation (legal_text = rules.LegalText name, article 0 = the text as a whole) and, where one
-- fits, a rule of the statutory rule catalogue (rule_code = rules.StatutoryRule code).
CREATE TABLE inspection_item (
    id          bigserial PRIMARY KEY,
    bureau_id   bigint       REFERENCES bureau (id),
    region_code varchar(12)  NOT NULL DEFAULT '0',
    code        varchar(40)  NOT NULL,
    name        varchar(100) NOT NULL,
    object_type varchar(20)  NOT NULL CHECK (object_type IN ('ENTERPRISE', 'BRANCH', 'OUTLET', 'POST_OFFICE')),
    method      varchar(10)  NOT NULL CHECK (method IN ('ON_SITE', 'DOCUMENTS', 'ONLINE')),
    legal_text  varchar(40)  NOT NULL,
    article     integer      NOT NULL DEFAULT 0,
    rule_code   varchar(60),
    checklist   text[]       NOT NULL,
    sort_order  integer      NOT NULL DEFAULT 0,
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inspection_item_code ON inspection_item (code);

INSERT INTO inspection_item (code, name, object_type, method, legal_text, article, rule_code, checklist, sort_order) VALUES
('LICENCE', '快递业务经营许可条件', 'ENTERPRISE', 'ON_SITE', 'EXPRESS_REGULATION', 18, 'licence.validity',
 ARRAY['持有有效的快递业务经营许可证', '实际经营范围与许可范围一致', '场地、设备、人员等许可条件持续符合'], 10),
('BRANCH_FILING', '分支机构备案', 'BRANCH', 'DOCUMENTS', 'POSTAL_LAW', 73, 'branch.filing',
 ARRAY['分支机构已在领取营业执照之日起20日内备案', '备案信息与实际一致'], 20),
('OUTLET_FILING', '末端网点备案', 'OUTLET', 'ON_SITE', 'EXPRESS_REGULATION', 19, 'outlet.filing-after-opening',
 ARRAY['末端网点已在开办之日起20日内备案', '备案信息（名称、地址、负责人）与实际一致', '变更已在10日内办理变更备案'], 30),
('REAL_NAME', '实名收寄', 'OUTLET', 'ON_SITE', 'EXPRESS_REGULATION', 23, 'fine.real-name.min',
 ARRAY['收寄时查验寄件人身份并登记', '实名信息系统上传完整', '未实名的快件不予收寄'], 40),
('CONTENT_CHECK', '收寄验视', 'OUTLET', 'ON_SITE', 'EXPRESS_REGULATION', 32, NULL,
 ARRAY['当场验视内件', '验视后加盖验视标识或签名', '拒绝验视的不予收寄'], 50),
('SCREENING', '过机安检', 'ENTERPRISE', 'ON_SITE', 'EXPRESS_REGULATION', 33, NULL,
 ARRAY['快件经安检机检查', '安检机正常运行并有人员值守', '安检记录完整'], 60),
('PROHIBITED', '禁寄物品处置', 'ENTERPRISE', 'ON_SITE', 'EXPRESS_REGULATION', 34, NULL,
 ARRAY['发现禁寄物品立即停止发运并报告', '处置记录完整', '禁寄物品目录公示'], 70),
('WAYBILL_DATA', '运单与用户信息安全', 'ENTERPRISE', 'ON_SITE', 'EXPRESS_REGULATION', 35, 'fine.user-information-leak.min',
 ARRAY['运单不显示身份证号等超出必要范围的信息', '用户信息系统有访问控制与日志', '废弃运单按规定销毁'], 80),
('SERVICE_NOTICE', '服务公示', 'OUTLET', 'ON_SITE', 'EXPRESS_MARKET_MEASURES', 0, NULL,
 ARRAY['营业场所公示服务种类、资费、时限', '公示投诉电话', '公示内容与实际一致'], 90),
('COMPLAINT', '投诉处理', 'ENTERPRISE', 'DOCUMENTS', 'EXPRESS_REGULATION', 29, 'complaint.prior-complaint-wait',
 ARRAY['设立投诉受理渠道并公布', '投诉在7日内答复', '投诉处理记录完整'], 100),
('PACKAGING', '快递包装', 'ENTERPRISE', 'ON_SITE', 'EXPRESS_REGULATION', 37, NULL,
 ARRAY['使用符合标准的包装材料', '避免过度包装', '包装回收与循环使用措施落实'], 110),
('POST_OFFICE', '普遍服务营业场所', 'POST_OFFICE', 'ON_SITE', 'POSTAL_LAW', 9, 'universal.closure-decision',
 ARRAY['营业场所正常开办，营业时间符合规定', '未经批准未撤销或搬迁', '普遍服务业务种类齐全'], 120);

-- 检查人员名录库: staff holding an enforcement certificate, by bureau. user_id links the staff member's account when
-- there is one; an expired certificate stays on the roster but is not drawn.
CREATE TABLE inspector (
    id                 bigserial PRIMARY KEY,
    bureau_id          bigint       NOT NULL REFERENCES bureau (id),
    region_code        varchar(12)  NOT NULL,
    user_id            bigint,
    name               varchar(50)  NOT NULL,
    certificate_number varchar(40)  NOT NULL,
    valid_until        date         NOT NULL,
    avoid_credit_codes text[]       NOT NULL DEFAULT '{}',
    active             boolean      NOT NULL DEFAULT true,
    created_at         timestamptz  NOT NULL
);
CREATE UNIQUE INDEX inspector_certificate ON inspector (certificate_number);
CREATE INDEX inspector_region ON inspector (region_code);

-- 检查记录. region_code: the inspected enterprise's region (which decides who sees the record and whose figures count
-- it); imported: entered by the migration API or import, not on the platform's own procedure.
CREATE TABLE inspection_record (
    id                     bigserial PRIMARY KEY,
    bureau_id              bigint,
    region_code            varchar(12)   NOT NULL,
    enterprise_id          bigint        NOT NULL,
    enterprise_credit_code varchar(18)   NOT NULL,
    enterprise_name        varchar(200)  NOT NULL,
    kind                   varchar(12)   NOT NULL CHECK (kind IN ('RANDOM', 'SPECIAL', 'SUPERVISION', 'COMPLAINT')),
    plan_id                bigint,
    inspected_on           date          NOT NULL,
    place                  varchar(200),
    outcome                varchar(14)   NOT NULL CHECK (outcome IN ('NONE', 'INTERVIEW', 'RECTIFICATION', 'LEAD')),
    findings               varchar(2000),
    imported               boolean       NOT NULL DEFAULT false,
    demo                   boolean       NOT NULL DEFAULT false,
    created_by             varchar(100)  NOT NULL,
    created_at             timestamptz   NOT NULL
);
CREATE INDEX inspection_record_period ON inspection_record (region_code, inspected_on);
CREATE INDEX inspection_record_enterprise ON inspection_record (enterprise_credit_code, inspected_on);

CREATE TABLE inspection_record_item (
    record_id bigint      NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    item_code varchar(40) NOT NULL,
    PRIMARY KEY (record_id, item_code)
);

-- The team: each inspector by name and certificate number as shown on site (kept even when the person is not, or no
-- longer, a user or on the roster); inspector_id when the roster knows the certificate.
CREATE TABLE inspection_record_inspector (
    record_id          bigint      NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    position           integer     NOT NULL,
    inspector_id       bigint      REFERENCES inspector (id),
    name               varchar(50) NOT NULL,
    certificate_number varchar(40) NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- 责令改正通知书: one per record whose outcome is RECTIFICATION. lead_raised_on: the day an unrectified order past its
-- deadline became a case lead.
CREATE TABLE rectification_order (
    id                     bigserial PRIMARY KEY,
    record_id              bigint       NOT NULL UNIQUE REFERENCES inspection_record (id) ON DELETE CASCADE,
    region_code            varchar(12)  NOT NULL,
    enterprise_credit_code varchar(18)  NOT NULL,
    number                 varchar(60)  NOT NULL,
    issued_on              date         NOT NULL,
    due_on                 date         NOT NULL,
    rectified_on           date,
    lead_raised_on         date,
    CHECK (due_on >= issued_on),
    CHECK (rectified_on IS NULL OR rectified_on >= issued_on)
);
CREATE UNIQUE INDEX rectification_order_number ON rectification_order (region_code, number);
CREATE INDEX rectification_order_period ON rectification_order (region_code, issued_on);
