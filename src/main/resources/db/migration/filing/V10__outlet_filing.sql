-- 末端网点备案: filings submitted online by enterprises and handled by the bureau of the outlet's county.
-- clock_start is the day the statutory clock (5 working days to complete, 2 to notify missing items once) runs from:
-- the submission, or the enterprise's supplement after a notice of missing items.
CREATE TABLE outlet_filing (
    id                     bigserial    PRIMARY KEY,
    number                 varchar(40)  NOT NULL UNIQUE,
    kind                   varchar(10)  NOT NULL CHECK (kind IN ('NEW', 'CHANGE', 'CLOSURE')),
    outlet_id              bigint       NOT NULL,
    outlet_name            varchar(200) NOT NULL,
    enterprise_credit_code char(18)     NOT NULL,
    enterprise_name        varchar(200) NOT NULL,
    brand_name             varchar(20),
    region_code            varchar(12)  NOT NULL,
    status                 varchar(14)  NOT NULL CHECK (status IN ('SUBMITTED', 'MISSING_ITEMS', 'APPROVED', 'REJECTED')),
    submitted_on           date         NOT NULL,
    clock_start            date         NOT NULL,
    due_on                 date         NOT NULL,
    missing_notice_due     date         NOT NULL,
    missing_items_notified boolean      NOT NULL DEFAULT false,
    missing_items          varchar(1000),
    decision_note          varchar(1000),
    opened_on              date,
    late_filing            boolean      NOT NULL DEFAULT false,
    change_description     varchar(1000),
    proposed               text,
    completed_on           date,
    working_days_taken     integer,
    filing_number          varchar(40),
    demo                   boolean      NOT NULL DEFAULT false,
    created_at             timestamptz  NOT NULL,
    version                integer      NOT NULL DEFAULT 0
);
CREATE INDEX outlet_filing_queue_idx ON outlet_filing (region_code text_pattern_ops, status, due_on);
CREATE INDEX outlet_filing_enterprise_idx ON outlet_filing (enterprise_credit_code, id DESC);
CREATE INDEX outlet_filing_completed_idx ON outlet_filing (completed_on) WHERE completed_on IS NOT NULL;

-- Attachments are checked by content (magic numbers) and size before they are stored here.
CREATE TABLE filing_attachment (
    id           bigserial    PRIMARY KEY,
    filing_id    bigint       NOT NULL REFERENCES outlet_filing (id),
    kind         varchar(20)  NOT NULL CHECK (kind IN ('BUSINESS_LICENCE', 'MANAGER_ID', 'PHOTO', 'AUTHORISATION', 'SUPPLEMENT')),
    file_name    varchar(200) NOT NULL,
    content_type varchar(60)  NOT NULL,
    size_bytes   integer      NOT NULL,
    content      bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL
);
CREATE INDEX filing_attachment_filing_idx ON filing_attachment (filing_id);
