-- 通邮检查计划: which 建制村 a bureau will check, picked at random (the inspections module's public draw: the
-- population is frozen as a snapshot whose SHA-256 is kept with the seed, so anyone can repeat the draw) or by
-- criteria (below the frequency standard, not checked for N months, not directly served). The checks themselves are
-- the ordinary village_check rows: a planned village counts as checked by the first check on or after the plan's day.
CREATE TABLE village_check_plan (
    id               bigserial    PRIMARY KEY,
    name             varchar(100) NOT NULL,
    region_code      varchar(12)  NOT NULL,
    -- RANDOM: seed + count over the (criteria-filtered) population; CRITERIA: every village the criteria pick, up to count
    method           varchar(10)  NOT NULL CHECK (method IN ('RANDOM', 'CRITERIA')),
    below_standard   boolean      NOT NULL,
    unchecked_months smallint     CHECK (unchecked_months BETWEEN 1 AND 120),
    not_direct       boolean      NOT NULL,
    sample_count     integer      CHECK (sample_count >= 1),
    seed             varchar(100),
    snapshot         text         NOT NULL,
    snapshot_hash    char(64)     NOT NULL,
    population       integer      NOT NULL,
    planned_on       date         NOT NULL,
    bureau_id        bigint,
    created_at       timestamptz  NOT NULL,
    created_by       varchar(100) NOT NULL,
    demo             boolean      NOT NULL DEFAULT false,
    CHECK (method <> 'RANDOM' OR (seed IS NOT NULL AND sample_count IS NOT NULL))
);
CREATE INDEX village_check_plan_region ON village_check_plan (region_code text_pattern_ops);

CREATE TABLE village_check_plan_village (
    plan_id      bigint      NOT NULL REFERENCES village_check_plan (id),
    village_code varchar(12) NOT NULL,
    -- the rank in the draw (RANDOM) or the order of the criteria pick (CRITERIA), from 1
    rank         integer     NOT NULL,
    PRIMARY KEY (plan_id, village_code)
);
