-- The sign-in throttle counts recent failures per client address (and per account and address): SignInThrottle.
CREATE INDEX signin_log_address_failures ON signin_log (client_address, occurred_at) WHERE result = 'FAILURE';
