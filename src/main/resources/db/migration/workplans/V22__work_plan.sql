-- Annual work plans (工作目标任务分解) imported from the notice: the plan, its key tasks, sections and livelihood
-- projects, tasks with their responsible departments.
CREATE TABLE work_plan (
    id                  bigserial PRIMARY KEY,
    bureau_id           bigint       NOT NULL REFERENCES bureau (id),
    region_code         varchar(12)  NOT NULL,
    year                integer      NOT NULL,
    title               varchar(300) NOT NULL,
    document_number     varchar(60),
    document_date       date,
    overall_requirement varchar(2000),
    targets             varchar(2000),
    created_at          timestamptz  NOT NULL,
    version             integer      NOT NULL DEFAULT 0
);
CREATE INDEX work_plan_bureau ON work_plan (bureau_id, year);

CREATE TABLE work_key_task (
    plan_id  bigint       NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
    position integer      NOT NULL,
    text     varchar(500) NOT NULL,
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE work_section (
    id         bigserial PRIMARY KEY,
    plan_id    bigint       NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
    position   integer      NOT NULL,
    kind       varchar(12)  NOT NULL CHECK (kind IN ('TASKS', 'LIVELIHOOD')),
    heading    varchar(300) NOT NULL
);

CREATE TABLE work_task (
    id             bigserial PRIMARY KEY,
    plan_id        bigint        NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
    section_id     bigint        NOT NULL REFERENCES work_section (id) ON DELETE CASCADE,
    number         integer       NOT NULL,
    text           varchar(2000) NOT NULL,
    responsibility varchar(8)    NOT NULL CHECK (responsibility IN ('LEAD', 'SHARED')),
    all_departments boolean      NOT NULL DEFAULT false,
    due_on         date          NOT NULL,
    status         varchar(12)   NOT NULL DEFAULT 'NOT_STARTED'
        CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'LAGGING'))
);
CREATE INDEX work_task_plan ON work_task (plan_id, section_id, number);

CREATE TABLE work_task_department (
    task_id       bigint  NOT NULL REFERENCES work_task (id) ON DELETE CASCADE,
    department_id bigint  NOT NULL REFERENCES department (id),
    position      integer NOT NULL,
    PRIMARY KEY (task_id, department_id)
);
