-- 登录日志: sign-ins (success, failure) and sign-outs, kept apart from the audit trail of changes (as RuoYi keeps
-- 登录日志 and 操作日志 apart) so they neither swamp the trail nor the dashboard's feed. Append-only like the trail.
-- username is as typed for a known account and masked (first characters and ***) for an unknown one: people type a
-- password into the user-name field. region_code decides which bureaus see a row (the account's region; '0' — only
-- system administrators — for unknown accounts).
CREATE TABLE signin_log (
    id             bigserial    PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL,
    username       varchar(60)  NOT NULL,
    user_id        bigint,
    display_name   varchar(100),
    region_code    varchar(12)  COLLATE "C" NOT NULL,
    result         varchar(12)  NOT NULL CHECK (result IN ('SUCCESS', 'FAILURE', 'SIGN_OUT')),
    reason         varchar(200),
    client_address varchar(64),
    user_agent     varchar(120)
);
CREATE INDEX signin_log_region_idx ON signin_log (region_code, id DESC);
CREATE INDEX signin_log_user_idx ON signin_log (user_id, id DESC) WHERE user_id IS NOT NULL;
CREATE TRIGGER signin_log_no_update BEFORE UPDATE OR DELETE ON signin_log
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER signin_log_no_truncate BEFORE TRUNCATE ON signin_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- The sign-ins recorded in the audit trail so far are copied here (they stay in the sealed trail, which the trail's
-- pages and feed no longer list). The user name is the summary's text before 登录; unknown accounts' names masked.
INSERT INTO signin_log (occurred_at, username, user_id, display_name, region_code, result, reason, client_address)
SELECT e.occurred_at,
       CASE WHEN e.actor_user_id IS NULL AND e.action = 'signin.failure'
            THEN left(split_part(e.summary, '登录', 1), 2) || '***'
            ELSE left(split_part(e.summary, '登录', 1), 60) END,
       e.actor_user_id,
       CASE WHEN e.actor_user_id IS NULL THEN NULL ELSE e.actor END,
       e.region_code,
       CASE e.action WHEN 'signin.success' THEN 'SUCCESS' ELSE 'FAILURE' END,
       CASE WHEN e.action = 'signin.failure' THEN left(nullif(split_part(e.summary, '登录失败：', 2), ''), 200) END,
       e.client_address
FROM audit_event e WHERE e.action IN ('signin.success', 'signin.failure') ORDER BY e.id;
