-- The audit chain becomes keyed, and stops serialising the application.
--
-- Before: a BEFORE INSERT trigger took a transaction-scoped advisory lock and chained each row's SHA-256 to the
-- previous one inside the inserting (business) transaction, so every audited action waited for the longest open
-- transaction that had written an audit event (a 1,500-row import held up every sign-in), and whoever reached the
-- database could rewrite a row and recompute every hash after it.
--
-- Now: the business transaction only inserts its event (and a row in the queue below), taking no lock. A sealer
-- (AuditSealer, in Java) appends one seal per committed event to audit_seal in a short transaction of its own:
-- seq (gap-free), the event, and an HMAC-SHA256 under a key that is never in the database over the previous seal's
-- MAC, the seal's own fields and the event's content. Without the key nobody can recompute a valid seal.
-- Events may commit out of id order; they are sealed in the order they become visible, so the chain is the seal
-- order (seq), not the id order. Existing events are queued here and sealed in id order on the first start.

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.id := nextval('audit_event_id_seq');
    NEW.prev_hash := NULL;
    NEW.hash := NULL;
    RETURN NEW;
END
$$;
-- prev_hash and hash keep the unkeyed SHA-256 chain of the events written before this migration
ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;

-- Events committed and not yet sealed. Rows leave when their event is sealed; verification does not trust this
-- queue (an event without a seal is reported however it left the queue).
CREATE TABLE audit_unsealed (
    event_id bigint PRIMARY KEY
);
CREATE FUNCTION audit_event_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_unsealed (event_id) VALUES (NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER audit_event_queue AFTER INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_queue();
INSERT INTO audit_unsealed (event_id) SELECT id FROM audit_event;

CREATE TABLE audit_seal (
    seq       bigint      PRIMARY KEY CHECK (seq > 0),
    event_id  bigint      NOT NULL UNIQUE REFERENCES audit_event (id),
    sealed_at timestamptz NOT NULL,
    mac       bytea       NOT NULL
);
-- gap-free by construction: a seal must follow the last one
CREATE FUNCTION audit_seal_next() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected bigint := coalesce((SELECT max(seq) FROM audit_seal), 0) + 1;
BEGIN
    IF NEW.seq <> expected THEN
        RAISE EXCEPTION '审计封印必须连续编号：应为%，实为%', expected, NEW.seq;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_seal_next BEFORE INSERT ON audit_seal FOR EACH ROW EXECUTE FUNCTION audit_seal_next();
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Daily checkpoints: the head of the chain signed with the installation's Ed25519 key, as written to
-- <data dir>/audit-checkpoints/ (statement is the whole file). Kept here for download; the copy an administrator
-- keeps elsewhere is what proves that history before it was not rewritten.
CREATE TABLE audit_checkpoint (
    id         bigserial   PRIMARY KEY,
    day        date        NOT NULL,
    seq        bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    statement  text        NOT NULL
);
CREATE INDEX audit_checkpoint_day ON audit_checkpoint (day DESC);
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
