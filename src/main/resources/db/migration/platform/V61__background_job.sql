-- Long-running work (imports) and the results handed out after it, so that any node of a cluster answers the
-- progress page and the result download. The work itself runs on the node that started it (node), which writes
-- progress in its own short transactions and renews heartbeat_at every few seconds; a RUNNING job whose heartbeat is
-- older than the timeout lost its node and is marked FAILED by the guarded sweep. All times are the database's.
CREATE TABLE background_job (
    id           uuid         PRIMARY KEY,
    kind         varchar(60)  NOT NULL,               -- e.g. region.import, registry.import.outlets
    owner        varchar(100) NOT NULL,               -- user name of who started it ("system" for seeders)
    node         varchar(200) NOT NULL,               -- the node running it
    state        varchar(10)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'REJECTED', 'FAILED')),
    step         varchar(40),                         -- the module's current step while RUNNING (VALIDATING …)
    done         bigint       NOT NULL DEFAULT 0,
    total        bigint       NOT NULL DEFAULT 0,
    message      text,
    detail       jsonb,                               -- the module's own outcome (file name, bad rows …)
    result_name  varchar(200),                        -- a file handed out once to the owner (annotated sheet)
    result       bytea,
    started_at   timestamptz  NOT NULL DEFAULT now(),
    heartbeat_at timestamptz  NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE INDEX background_job_running_idx ON background_job (heartbeat_at) WHERE state = 'RUNNING';
CREATE INDEX background_job_finished_idx ON background_job (finished_at);
