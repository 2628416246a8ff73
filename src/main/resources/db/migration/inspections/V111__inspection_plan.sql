-- 双随机 plans (快递暂行条例(2025) art.47; 快递市场管理办法(2023) art.42): created → population frozen as a snapshot
-- (sorted lines and their SHA-256) with the roster and the conflicts → seed recorded with operator and witnesses →
-- drawn → published. Everything the draw used is kept, so anyone can repeat it.
CREATE TABLE inspection_plan (
    id               bigserial PRIMARY KEY,
    bureau_id        bigint        NOT NULL REFERENCES bureau (id),
    region_code      varchar(12)   NOT NULL,
    name             varchar(200)  NOT NULL,
    period_from      date          NOT NULL,
    period_to        date          NOT NULL CHECK (period_to >= period_from),
    items            text[]        NOT NULL,
    enterprise_type  varchar(30),
    sample_count     integer,
    sample_ratio     numeric(5, 4),
    ratio_by_class   text,
    team_size        integer       NOT NULL CHECK (team_size >= 2),
    status           varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'FROZEN', 'SEEDED', 'DRAWN', 'PUBLISHED')),
    snapshot         text,
    snapshot_hash    varchar(64),
    population       integer,
    roster           text,
    conflicts        text,
    seed             varchar(200),
    seed_operator    varchar(100),
    seed_witnesses   varchar(300),
    seed_recorded_at timestamptz,
    drawn_at         timestamptz,
    published_at     timestamptz,
    demo             boolean       NOT NULL DEFAULT false,
    created_by       varchar(100)  NOT NULL,
    created_at       timestamptz   NOT NULL
);
CREATE INDEX inspection_plan_region ON inspection_plan (region_code, period_from);

CREATE TABLE inspection_plan_target (
    plan_id                bigint        NOT NULL REFERENCES inspection_plan (id) ON DELETE CASCADE,
    rank                   integer       NOT NULL,
    target_key             varchar(60)   NOT NULL,
    enterprise_credit_code varchar(18)   NOT NULL,
    enterprise_name        varchar(200)  NOT NULL,
    region_code            varchar(12)   NOT NULL,
    certificates           text[]        NOT NULL,
    PRIMARY KEY (plan_id, rank)
);
