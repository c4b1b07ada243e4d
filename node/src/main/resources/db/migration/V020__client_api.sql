-- Client API: registered OAuth applications, authorization codes, app-level tokens and read markers.

-- A client application as registered through POST /api/v1/apps. Only a SHA-256 of the secret is kept;
-- the secret itself is shown once, in the registration response.
CREATE TABLE oauth_apps (
    id                  BIGINT NOT NULL PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    website             VARCHAR(2048),
    redirect_uris       VARCHAR(4000) NOT NULL,    -- one URI per line
    scopes              VARCHAR(255) NOT NULL,
    client_id           VARCHAR(64) NOT NULL UNIQUE,
    client_secret_hash  CHAR(64) NOT NULL,
    created_at          TIMESTAMP NOT NULL
);

-- Authorization codes: hashed, single use (used_at), short-lived (expires_at), bound to one app and
-- one redirect URI, with the PKCE challenge the client sent when it asked for the code.
CREATE TABLE oauth_codes (
    code_hash           CHAR(64) NOT NULL PRIMARY KEY,
    app_id              BIGINT NOT NULL REFERENCES oauth_apps (id),
    account_id          BIGINT NOT NULL REFERENCES accounts (id),
    redirect_uri        VARCHAR(2048) NOT NULL,
    scopes              VARCHAR(255) NOT NULL,
    code_challenge      VARCHAR(128),
    created_at          TIMESTAMP NOT NULL,
    expires_at          TIMESTAMP NOT NULL,
    used_at             TIMESTAMP
);

-- Tokens may now belong to an app (authorization code, client credentials, password grant with a
-- client) and app-only tokens (client credentials) have no account.
ALTER TABLE access_tokens ADD COLUMN app_id BIGINT REFERENCES oauth_apps (id);
ALTER TABLE access_tokens ALTER COLUMN account_id NULL;

-- Where an employee stopped reading a timeline (GET/POST /api/v1/markers).
CREATE TABLE markers (
    account_id          BIGINT NOT NULL REFERENCES accounts (id),
    timeline            VARCHAR(32) NOT NULL,
    last_read_id        BIGINT NOT NULL,
    version             INT NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (account_id, timeline)
);
