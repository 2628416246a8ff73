-- Consumer complaints (申诉): the complaint with its procedure state and clock, its public history, and the
-- category/reason dictionaries (DOMAIN.md, Complaints).

CREATE TABLE complaint_category (
    name     varchar(20) PRIMARY KEY,
    position integer     NOT NULL
);

CREATE TABLE complaint_reason (
    name     varchar(40) PRIMARY KEY,
    category varchar(20) REFERENCES complaint_category (name),
    position integer     NOT NULL
);

INSERT INTO complaint_category (name, position) VALUES
 ('投递服务', 1), ('延误', 2), ('丢失短少', 3), ('损毁', 4), ('收寄服务', 5), ('违规收费', 6), ('代收货款', 7), ('其他', 8);

INSERT INTO complaint_reason (name, category, position) VALUES
 ('中转或运输延误', '延误', 1), ('派送延误', '延误', 2),
 ('虚假签收', '投递服务', 3), ('未按名址投递', '投递服务', 4), ('未经同意投放智能快件箱或代收点', '投递服务', 5),
 ('快件丢失', '丢失短少', 6), ('内件短少', '丢失短少', 7),
 ('外包装破损', '损毁', 8), ('内件损坏', '损毁', 9),
 ('拒绝收寄', '收寄服务', 10), ('未验视或未实名', '收寄服务', 11),
 ('超标准收费', '违规收费', 12), ('未按规定赔偿', NULL, 13),
 ('代收货款未及时返还', '代收货款', 14), ('服务态度', NULL, 15), ('其他原因', NULL, 16);

CREATE TABLE complaint (
    id                     bigserial PRIMARY KEY,
    number                 varchar(40)  NOT NULL UNIQUE,
    query_code_hash        char(64)     NOT NULL,
    channel                varchar(12)  NOT NULL CHECK (channel IN ('WEB', 'PHONE', 'LETTER', 'HOTLINE', 'API')),
    idempotency_key        varchar(100) UNIQUE,
    filer_name             varchar(60)  NOT NULL,
    filer_phone            varchar(20)  NOT NULL,
    filer_role             varchar(10)  NOT NULL CHECK (filer_role IN ('SENDER', 'RECIPIENT', 'AGENT')),
    region_code            varchar(12)  NOT NULL,
    brand_id               bigint       NOT NULL REFERENCES brand (id),
    brand_name             varchar(20)  NOT NULL,
    named_enterprise       varchar(200),
    enterprise_id          bigint REFERENCES enterprise (id),
    enterprise_name        varchar(200),
    enterprise_credit_code varchar(18),
    waybill_number         varchar(40),
    posted_on              date         NOT NULL,
    prior_complained_on    date         NOT NULL,
    prior_channel          varchar(20)  NOT NULL,
    prior_answer           varchar(500),
    category               varchar(20)  NOT NULL REFERENCES complaint_category (name),
    reason                 varchar(40)  NOT NULL REFERENCES complaint_reason (name),
    amount_claimed         numeric(12, 2),
    description            varchar(2000) NOT NULL,
    duplicate_of           varchar(40),
    status                 varchar(12)  NOT NULL,
    received_at            timestamptz  NOT NULL,
    received_on            date         NOT NULL,
    answer_due             date         NOT NULL,
    transfer_due           date         NOT NULL,
    step_due               date,
    rejection_condition    varchar(30),
    rejection_reason       varchar(500),
    transferred_on         date,
    reply_findings         varchar(2000),
    reply_responsibility   varchar(16),
    reply_solution         varchar(1000),
    reply_compensation     numeric(12, 2),
    reply_apology          boolean,
    reply_user_agrees      boolean,
    reply_handler          varchar(60),
    reply_handler_phone    varchar(20),
    replied_on             date,
    reply_late             boolean      NOT NULL DEFAULT false,
    redo_count             integer      NOT NULL DEFAULT 0,
    return_reason          varchar(500),
    callback_attempts      integer      NOT NULL DEFAULT 0,
    last_callback_at       timestamptz,
    satisfaction           varchar(20),
    solved                 boolean,
    closed_on              date,
    valid_complaint        boolean,
    compensation_paid      numeric(12, 2),
    closing_note           varchar(1000),
    withdrawn_on           date,
    demo                   boolean      NOT NULL DEFAULT false,
    created_at             timestamptz  NOT NULL,
    version                integer      NOT NULL DEFAULT 0
);
CREATE INDEX complaint_queue ON complaint (status, region_code text_pattern_ops);
CREATE INDEX complaint_received ON complaint (received_on, region_code text_pattern_ops);
CREATE INDEX complaint_enterprise ON complaint (enterprise_credit_code, status);
CREATE INDEX complaint_duplicate ON complaint (filer_phone, waybill_number, category);

-- What the filer sees on the status page: each step, in words without personal data.
CREATE TABLE complaint_event (
    id           bigserial PRIMARY KEY,
    complaint_id bigint       NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    occurred_at  timestamptz  NOT NULL,
    status       varchar(12)  NOT NULL,
    public_text  varchar(500) NOT NULL
);
CREATE INDEX complaint_event_complaint ON complaint_event (complaint_id, occurred_at);
