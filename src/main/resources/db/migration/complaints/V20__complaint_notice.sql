-- Published complaint notices (申诉情况通告): a snapshot of the figures as published, shown on the public portal.
CREATE TABLE complaint_notice (
    id           bigserial PRIMARY KEY,
    region_code  varchar(12)  NOT NULL,
    title        varchar(200) NOT NULL,
    month_from   varchar(7)   NOT NULL,
    month_to     varchar(7)   NOT NULL,
    content      jsonb        NOT NULL,
    published_at timestamptz  NOT NULL,
    published_by varchar(100) NOT NULL
);
CREATE INDEX complaint_notice_published ON complaint_notice (published_at DESC);
