-- Parcel records (实名收寄/验视/过机安检): the records themselves are Parquet files under the data directory; PostgreSQL
-- keeps what the pages read.

-- Every chunk stored (ParcelSink): its key is written in the same transaction as its rollups, so a chunk delivered
-- twice (a batch sent again, a node lost mid-batch, a Kafka message redelivered) is counted once.
CREATE TABLE safety_parcel_chunk (
    chunk_key     text        PRIMARY KEY,
    enterprise_id bigint      NOT NULL,
    province      char(2)     NOT NULL,
    records       integer     NOT NULL,
    stored_at     timestamptz NOT NULL
);

-- Hourly rollups per enterprise × outlet × sender county: what every rate page and the figures API read.
-- outlet_filing_number is '' when the record named no outlet. exempt = letters and agreement customers (协议客户);
-- real_name counts subject (non-exempt) parcels whose sender's identity was checked.
CREATE TABLE safety_parcel_hour (
    hour                 timestamptz NOT NULL,
    enterprise_id        bigint      NOT NULL,
    outlet_filing_number text        NOT NULL DEFAULT '',
    sender_region        text        NOT NULL,
    parcels              bigint      NOT NULL,
    exempt               bigint      NOT NULL,
    real_name            bigint      NOT NULL,
    inspected            bigint      NOT NULL,
    screened             bigint      NOT NULL,
    PRIMARY KEY (hour, enterprise_id, outlet_filing_number, sender_region)
);
CREATE INDEX safety_parcel_hour_region ON safety_parcel_hour (sender_region text_pattern_ops, hour);
CREATE INDEX safety_parcel_hour_enterprise ON safety_parcel_hour (enterprise_id, hour);

-- Parcels per screening machine and China-time day (the power-on rule: a registered machine with no parcels on a
-- working day).
CREATE TABLE safety_machine_day (
    day            date    NOT NULL,
    enterprise_id  bigint  NOT NULL,
    machine_serial text    NOT NULL,
    parcels        bigint  NOT NULL,
    PRIMARY KEY (day, enterprise_id, machine_serial)
);
