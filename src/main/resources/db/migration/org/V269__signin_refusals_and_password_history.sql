-- Attack round 18, two sign-in findings in one version (the one number this round had; in org, which owns
-- password_history — ModuleTablesTest):
-- 1. A sign-in refused before its password is checked (the address paused for the account or altogether, the account
--    locked) is logged as BLOCKED, not as FAILURE: the throttle counts failures only, so retrying during a pause
--    neither extends it nor pauses everybody else behind the same address (SignInThrottle, SignInLog.recentFailures).
ALTER TABLE signin_log DROP CONSTRAINT signin_log_result_check;
ALTER TABLE signin_log ADD CONSTRAINT signin_log_result_check
    CHECK (result IN ('SUCCESS', 'FAILURE', 'BLOCKED', 'SIGN_OUT'));
-- 2. The hashes (bcrypt, never a password) of an account's previous passwords, so a user cannot change back to one of
--    the last five (org.Users.changeOwnPassword, PasswordPolicy.REMEMBERED): the current one is user_account's, the
--    older ones are here, at most four per account, written when a password is replaced (own change or reset).
CREATE TABLE password_history (
    id            bigserial    PRIMARY KEY,
    user_account  bigint       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    password_hash varchar(200) NOT NULL,
    replaced_at   timestamptz  NOT NULL
);
CREATE INDEX password_history_user_idx ON password_history (user_account, id DESC);
