-- Bureaus (邮政管理局), their departments (处室) and the people who sign in.
CREATE TABLE bureau (
    id          bigserial    PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    short_name  varchar(40),
    level       varchar(10)  NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY')),
    region_code varchar(12)  NOT NULL UNIQUE REFERENCES region (code),
    parent_id   bigint       REFERENCES bureau (id),
    address     varchar(200),
    phone       varchar(40),
    demo        boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL,
    version     integer      NOT NULL DEFAULT 0
);
CREATE INDEX bureau_region_idx ON bureau (region_code text_pattern_ops);

CREATE TABLE department (
    id         bigserial    PRIMARY KEY,
    bureau_id  bigint       NOT NULL REFERENCES bureau (id),
    name       varchar(60)  NOT NULL,
    duties     varchar(500),
    sort_order integer      NOT NULL DEFAULT 0,
    active     boolean      NOT NULL DEFAULT true,
    created_at timestamptz  NOT NULL,
    version    integer      NOT NULL DEFAULT 0,
    UNIQUE (bureau_id, name)
);

-- region_code: the bureau's region for staff, the enterprise's region for enterprise users; the data scope of a
-- user row. enterprise_credit_code binds an enterprise user to its enterprise (the registry attaches the record).
CREATE TABLE user_account (
    id                     bigserial    PRIMARY KEY,
    username               varchar(40)  NOT NULL UNIQUE,
    display_name           varchar(60)  NOT NULL,
    password_hash          varchar(200) NOT NULL,
    kind                   varchar(12)  NOT NULL CHECK (kind IN ('STAFF', 'ENTERPRISE')),
    bureau_id              bigint       REFERENCES bureau (id),
    department_id          bigint       REFERENCES department (id),
    enterprise_credit_code char(18),
    region_code            varchar(12)  NOT NULL REFERENCES region (code),
    phone                  varchar(20),
    enabled                boolean      NOT NULL DEFAULT true,
    must_change_password   boolean      NOT NULL DEFAULT true,
    failed_attempts        integer      NOT NULL DEFAULT 0,
    locked_until           timestamptz,
    password_changed_at    timestamptz,
    last_login_at          timestamptz,
    demo                   boolean      NOT NULL DEFAULT false,
    created_at             timestamptz  NOT NULL,
    version                integer      NOT NULL DEFAULT 0,
    CHECK (kind <> 'STAFF' OR bureau_id IS NOT NULL),
    CHECK (kind <> 'ENTERPRISE' OR enterprise_credit_code IS NOT NULL)
);
CREATE INDEX user_account_region_idx ON user_account (region_code text_pattern_ops);

CREATE TABLE user_role (
    user_account bigint      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role         varchar(20) NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'BUREAU_ADMIN', 'BUREAU_LEADER', 'STAFF', 'ENTERPRISE')),
    PRIMARY KEY (user_account, role)
);
