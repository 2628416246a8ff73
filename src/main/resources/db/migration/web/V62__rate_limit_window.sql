-- Request counts per client and fixed one-minute window, shared by every node (one upsert per public request).
-- UNLOGGED: counters are not worth WAL; after a database crash (or on a failed-over standby) they start from zero.
-- Windows older than two minutes are deleted by a guarded job.
CREATE UNLOGGED TABLE rate_limit_window (
    bucket       varchar(100) NOT NULL,               -- what is limited and for whom, e.g. public|203.0.113.7
    window_start timestamptz  NOT NULL,
    hits         integer      NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_start_idx ON rate_limit_window (window_start);
