-- In-app notifications (站内通知) to the staff of a region or to an enterprise; a key makes a reminder idempotent.
CREATE TABLE notification (
    id            bigserial PRIMARY KEY,
    audience_kind varchar(10)  NOT NULL CHECK (audience_kind IN ('REGION', 'ENTERPRISE')),
    audience      varchar(18)  NOT NULL,
    title         varchar(300) NOT NULL,
    link          varchar(200),
    dedupe_key    varchar(150) NOT NULL UNIQUE,
    created_at    timestamptz  NOT NULL
);
CREATE INDEX notification_audience ON notification (audience_kind, audience text_pattern_ops, created_at DESC);
