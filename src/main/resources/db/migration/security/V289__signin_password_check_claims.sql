-- The password checks under way (security.PasswordGuesses): a sign-in, or a signed-in user's current password typed
-- again, claims a row before its password is checked, under a transaction lock of the account and the client address,
-- and drops it once the check is over (its outcome is in signin_log by then). The sign-in limits count these rows
-- beside the failures logged, so parallel wrong passwords cannot all pass a limit one would pass alone. A row left by a
-- node that stopped mid-check counts until the lock period is over, and is dropped as new ones are written.
CREATE TABLE signin_check_claim (
    id bigserial PRIMARY KEY,
    user_id bigint,
    client_address varchar(64) NOT NULL,
    claimed_at timestamptz NOT NULL
);
CREATE INDEX signin_check_claim_address ON signin_check_claim (client_address);
CREATE INDEX signin_check_claim_user ON signin_check_claim (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX signin_check_claim_at ON signin_check_claim (claimed_at);
