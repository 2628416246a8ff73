-- Personal API tokens: only a SHA-256 hash is stored; the token is shown once at creation.
CREATE TABLE api_token (
    id           bigserial    PRIMARY KEY,
    user_account bigint       NOT NULL REFERENCES user_account (id),
    name         varchar(60)  NOT NULL,
    token_hash   char(64)     NOT NULL UNIQUE,
    hint         varchar(12)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_account);
