-- 已办: a user's own recent changes are read on every home page; without this index the newest-first scan walks the
-- whole trail for a user with few events.
CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, id DESC) WHERE actor_user_id IS NOT NULL;
