-- Postal facilities (邮政设施): universal-service post offices, parcel lockers and smart mailboxes (格口),
-- X-ray screening machines and courier care stations. One table: they share owner, place and status; the
-- kind-specific fields are null for the other kinds (checked below).
CREATE TABLE facility (
    id               bigserial    PRIMARY KEY,
    kind             varchar(20)  NOT NULL CHECK (kind IN ('POST_OFFICE', 'PARCEL_LOCKER', 'SMART_MAILBOX', 'SCREENING_MACHINE', 'CARE_STATION')),
    name             varchar(200) NOT NULL,
    enterprise_id    bigint       NOT NULL REFERENCES enterprise (id),
    operator_credit_code char(18) NOT NULL,
    region_code      varchar(12)  COLLATE "C" NOT NULL REFERENCES region (code),
    address          varchar(300) NOT NULL,
    status           varchar(12)  NOT NULL CHECK (status IN ('IN_SERVICE', 'SUSPENDED', 'REMOVED')),
    compartments     integer      CHECK (compartments IS NULL OR compartments > 0),
    serial_number    varchar(60),
    services         varchar(300),
    commissioned_on  date,
    demo             boolean      NOT NULL DEFAULT false,
    created_at       timestamptz  NOT NULL,
    version          integer      NOT NULL DEFAULT 0,
    CHECK (kind IN ('PARCEL_LOCKER', 'SMART_MAILBOX') OR compartments IS NULL),
    CHECK (kind = 'SCREENING_MACHINE' OR serial_number IS NULL),
    CHECK (kind = 'CARE_STATION' OR services IS NULL)
);
CREATE INDEX facility_region_idx ON facility (kind, region_code, id);
CREATE INDEX facility_enterprise_idx ON facility (enterprise_id);
CREATE UNIQUE INDEX facility_serial_idx ON facility (serial_number) WHERE serial_number IS NOT NULL;
