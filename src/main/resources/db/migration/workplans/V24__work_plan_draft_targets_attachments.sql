-- A plan is a draft (copied from last year, being prepared) until published; only published plans take progress and
-- are checked for lagging tasks.
ALTER TABLE work_plan ADD COLUMN status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('DRAFT', 'ACTIVE'));
ALTER TABLE work_plan ADD COLUMN copied_from bigint REFERENCES work_plan (id) ON DELETE SET NULL;

-- The main quantitative targets read from the targets paragraph; indicator_code links a target to the statistics
-- indicator it names (NULL when the plan names something statistics does not count). Values are in the indicator's
-- unit.
CREATE TABLE work_target (
    plan_id        bigint        NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
    position       integer       NOT NULL,
    text           varchar(300)  NOT NULL,
    indicator_code varchar(60),
    target_value   numeric(20, 4),
    target_growth  numeric(8, 2),
    PRIMARY KEY (plan_id, position)
);

-- Images and PDFs attached to a month's progress report (checked by content and size on upload).
CREATE TABLE work_progress_attachment (
    id           bigserial PRIMARY KEY,
    progress_id  bigint       NOT NULL REFERENCES work_progress (id) ON DELETE CASCADE,
    file_name    varchar(200) NOT NULL,
    content_type varchar(40)  NOT NULL,
    size_bytes   integer      NOT NULL,
    content      bytea        NOT NULL,
    created_at   timestamptz  NOT NULL
);
CREATE INDEX work_progress_attachment_progress ON work_progress_attachment (progress_id);
CREATE INDEX work_progress_task_month ON work_progress (task_id, month);
