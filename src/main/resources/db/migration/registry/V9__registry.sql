-- The registry of regulated market entities: brands, enterprises, express licences, branches, terminal outlets.
-- Name search uses trigram indexes (pg_trgm, a trusted extension) so Chinese substrings stay fast at national scale.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE registry_dictionary (
    kind       varchar(30) NOT NULL,
    code       varchar(30) NOT NULL,
    label      varchar(60) NOT NULL,
    sort_order integer     NOT NULL DEFAULT 0,
    active     boolean     NOT NULL DEFAULT true,
    PRIMARY KEY (kind, code)
);
INSERT INTO registry_dictionary (kind, code, label, sort_order) VALUES
    ('cooperation', 'OWN', '自营', 1),
    ('cooperation', 'FRANCHISE', '加盟', 2),
    ('cooperation', 'PARTNER', '合作', 3);

CREATE TABLE brand (
    id                bigserial   PRIMARY KEY,
    name              varchar(60) NOT NULL UNIQUE,
    short_name        varchar(20) NOT NULL UNIQUE,
    hq_enterprise_id  bigint,
    demo              boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0
);

CREATE TABLE enterprise (
    id                   bigserial    PRIMARY KEY,
    legal_name           varchar(200) NOT NULL,
    credit_code          char(18)     NOT NULL UNIQUE,
    type                 varchar(12)  NOT NULL CHECK (type IN ('POSTAL', 'EXPRESS', 'OTHER')),
    brand_id             bigint       REFERENCES brand (id),
    legal_representative varchar(60),
    address              varchar(300),
    region_code          varchar(12)  NOT NULL REFERENCES region (code),
    contact_name         varchar(60),
    contact_phone        varchar(20),
    status               varchar(12)  NOT NULL CHECK (status IN ('NORMAL', 'SUSPENDED', 'CANCELLED')),
    demo                 boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL,
    version              integer      NOT NULL DEFAULT 0
);
ALTER TABLE brand ADD CONSTRAINT brand_hq_fk FOREIGN KEY (hq_enterprise_id) REFERENCES enterprise (id);
CREATE INDEX enterprise_region_idx ON enterprise (region_code text_pattern_ops);
CREATE INDEX enterprise_brand_idx ON enterprise (brand_id);
CREATE INDEX enterprise_name_trgm ON enterprise USING gin (legal_name gin_trgm_ops);

-- state is what happened to the licence (cancelled, revoked); "expired" is derived from expires_on
CREATE TABLE express_licence (
    id                   bigserial    PRIMARY KEY,
    number               varchar(40)  NOT NULL UNIQUE,
    enterprise_id        bigint       NOT NULL REFERENCES enterprise (id),
    scope                varchar(16)  NOT NULL CHECK (scope IN ('CITY', 'PROVINCE', 'INTER_PROVINCE', 'INTERNATIONAL')),
    issuing_bureau_name  varchar(100) NOT NULL,
    issuing_region_code  varchar(12)  NOT NULL,
    issued_on            date         NOT NULL,
    expires_on           date         NOT NULL,
    state                varchar(12)  NOT NULL CHECK (state IN ('ACTIVE', 'CANCELLED', 'REVOKED')),
    state_reason         varchar(200),
    region_code          varchar(12)  NOT NULL,
    demo                 boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL,
    version              integer      NOT NULL DEFAULT 0,
    CHECK (expires_on > issued_on)
);
CREATE INDEX express_licence_enterprise_idx ON express_licence (enterprise_id);

CREATE TABLE branch (
    id                     bigserial    PRIMARY KEY,
    enterprise_id          bigint       NOT NULL REFERENCES enterprise (id),
    licence_id             bigint       REFERENCES express_licence (id),
    name                   varchar(200) NOT NULL,
    region_code            varchar(12)  NOT NULL REFERENCES region (code),
    address                varchar(300) NOT NULL,
    head_name              varchar(60)  NOT NULL,
    business_licence_date  date         NOT NULL,
    filed_on               date         NOT NULL,
    filed_late             boolean      NOT NULL,
    demo                   boolean      NOT NULL DEFAULT false,
    created_at             timestamptz  NOT NULL,
    version                integer      NOT NULL DEFAULT 0
);
CREATE INDEX branch_region_idx ON branch (region_code text_pattern_ops);
CREATE INDEX branch_enterprise_idx ON branch (enterprise_id);

-- operator_credit_code and brand_id are copied from the operator so lists filter without joins and the operating
-- enterprise's users see their outlets (data scope)
CREATE TABLE terminal_outlet (
    id                    bigserial     PRIMARY KEY,
    name                  varchar(200)  NOT NULL,
    enterprise_id         bigint        NOT NULL REFERENCES enterprise (id),
    branch_id             bigint        REFERENCES branch (id),
    operator_credit_code  char(18)      NOT NULL,
    brand_id              bigint        REFERENCES brand (id),
    cooperation           varchar(30)   NOT NULL,
    address               varchar(300)  NOT NULL,
    region_code           varchar(12)   NOT NULL REFERENCES region (code),
    longitude             numeric(9,6),
    latitude              numeric(8,6),
    manager_name          varchar(60)   NOT NULL,
    manager_id_number     char(18)      NOT NULL,
    manager_phone         varchar(20)   NOT NULL,
    storage_area          numeric(8,2)  NOT NULL,
    has_communications    boolean       NOT NULL,
    has_shelving          boolean       NOT NULL,
    has_surveillance      boolean       NOT NULL,
    has_signage           boolean       NOT NULL,
    opened_on             date          NOT NULL,
    filing_number         varchar(40)   UNIQUE,
    status                varchar(12)   NOT NULL CHECK (status IN ('PENDING', 'FILED', 'CLOSED')),
    demo                  boolean       NOT NULL DEFAULT false,
    created_at            timestamptz   NOT NULL,
    version               integer       NOT NULL DEFAULT 0,
    UNIQUE (name, address)
);
CREATE INDEX terminal_outlet_region_idx ON terminal_outlet (region_code text_pattern_ops, brand_id);
CREATE INDEX terminal_outlet_brand_idx ON terminal_outlet (brand_id, region_code text_pattern_ops);
CREATE INDEX terminal_outlet_operator_idx ON terminal_outlet (operator_credit_code);
CREATE INDEX terminal_outlet_name_trgm ON terminal_outlet USING gin (name gin_trgm_ops);
