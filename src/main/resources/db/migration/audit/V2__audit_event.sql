-- 全过程记录: one append-only, hash-chained audit table. Each row's hash covers its content and the previous row's hash.
-- The chain is computed by the database itself under a transaction-scoped advisory lock, so ids follow chain order
-- even with concurrent writers.
CREATE TABLE audit_event (
    id             bigint PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL,
    actor          varchar(100) NOT NULL,
    actor_user_id  bigint,
    bureau_id      bigint,
    region_code    varchar(12)  NOT NULL,
    action         varchar(60)  NOT NULL,
    object_type    varchar(60)  NOT NULL,
    object_id      varchar(60),
    summary        varchar(500) NOT NULL,
    before_state   jsonb,
    after_state    jsonb,
    client_address varchar(64),
    prev_hash      char(64)     NOT NULL,
    hash           char(64)     NOT NULL
);
CREATE SEQUENCE audit_event_id_seq;
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_region_idx ON audit_event (region_code text_pattern_ops, occurred_at DESC);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);

CREATE FUNCTION audit_event_digest(e audit_event) RETURNS char(64) LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        e.id::text,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        e.actor, coalesce(e.actor_user_id::text, ''), coalesce(e.bureau_id::text, ''), e.region_code,
        e.action, e.object_type, coalesce(e.object_id, ''), e.summary,
        coalesce(e.before_state::text, ''), coalesce(e.after_state::text, ''), coalesce(e.client_address, ''),
        e.prev_hash), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(730104);
    NEW.id := nextval('audit_event_id_seq');
    SELECT hash INTO NEW.prev_hash FROM audit_event ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(NEW.prev_hash, repeat('0', 64));
    NEW.hash := audit_event_digest(NEW);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '审计记录只能追加，不能修改或删除（%）', TG_OP;
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
