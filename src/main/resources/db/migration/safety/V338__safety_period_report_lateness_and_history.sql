-- A day's report of a 寄递安保期 is due by the rule catalogue's time limit (safety.period.daily-report, hours from the
-- day's 0:00 China time): a first report after it is kept and marked 迟报 for the bureau (late, with the limit it
-- missed, due_at); a change before it keeps the figures it replaces (safety_period_report_revision); a change after it
-- is refused. Reports made before this migration were never judged: not late, no limit recorded.
ALTER TABLE safety_period_report ADD COLUMN late BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE safety_period_report ADD COLUMN due_at TIMESTAMPTZ;

CREATE TABLE safety_period_report_revision (
    id           BIGSERIAL PRIMARY KEY,
    report_id    BIGINT        NOT NULL REFERENCES safety_period_report (id),
    parcels      BIGINT        NOT NULL,
    screened     BIGINT        NOT NULL,
    issues       VARCHAR(1000),
    reported_at  TIMESTAMPTZ   NOT NULL,
    reported_by  VARCHAR(100)  NOT NULL,
    replaced_at  TIMESTAMPTZ   NOT NULL,
    replaced_by  VARCHAR(100)  NOT NULL
);

CREATE INDEX safety_period_report_revision_report ON safety_period_report_revision (report_id);
