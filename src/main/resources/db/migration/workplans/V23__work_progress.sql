-- Monthly progress reported by each responsible department; one report per department and month (updated in place,
-- every change audited).
CREATE TABLE work_progress (
    id            bigserial PRIMARY KEY,
    task_id       bigint        NOT NULL REFERENCES work_task (id) ON DELETE CASCADE,
    department_id bigint        NOT NULL REFERENCES department (id),
    month         varchar(7)    NOT NULL,
    text          varchar(2000) NOT NULL,
    percent       integer       NOT NULL CHECK (percent BETWEEN 0 AND 100),
    reported_at   timestamptz   NOT NULL,
    reported_by   varchar(100)  NOT NULL,
    UNIQUE (task_id, department_id, month)
);
