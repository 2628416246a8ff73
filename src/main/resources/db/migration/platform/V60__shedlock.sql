-- Scheduled jobs in a cluster (ShedLock, JdbcTemplateLockProvider with usingDbTime): before a guarded job runs, its
-- node takes the row named after the job until lock_until (the database's UTC clock); the other nodes skip that run.
-- One row per job name ("module.job"), created on first use. Never delete a row by hand (ShedLock caches that it
-- exists); to release a lock early, set its lock_until to the past.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
