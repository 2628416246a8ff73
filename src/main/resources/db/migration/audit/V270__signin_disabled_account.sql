-- A sign-in to a disabled (停用) account is logged as DISABLED, not as FAILURE (SignInEvents): it is refused before
-- its password is checked, so it counts neither towards the account's lock nor its pause at the client address, but
-- it still counts towards the address's limit of guesses under any names (SignInLog.recentFailures). The answer the
-- browser gets is the one every failed sign-in gets, so a guesser learns nothing of the account.
ALTER TABLE signin_log DROP CONSTRAINT signin_log_result_check;
ALTER TABLE signin_log ADD CONSTRAINT signin_log_result_check
    CHECK (result IN ('SUCCESS', 'FAILURE', 'BLOCKED', 'DISABLED', 'SIGN_OUT'));
