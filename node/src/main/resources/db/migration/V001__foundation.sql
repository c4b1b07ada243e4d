-- Foundation schema: accounts (local and remote), credentials, keys, tokens, peers, follows,
-- statuses, the durable inbox and the delivery queue.

CREATE TABLE accounts (
    id              BIGINT NOT NULL PRIMARY KEY,
    username        VARCHAR(64) NOT NULL,
    authority       VARCHAR(255) NOT NULL,     -- empty for local accounts, host[:port] for remote ones
    uri             VARCHAR(2048) NOT NULL,
    uri_hash        CHAR(64) NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL DEFAULT '',
    summary         VARCHAR(4000) NOT NULL DEFAULT '',
    inbox_uri       VARCHAR(2048),
    shared_inbox_uri VARCHAR(2048),
    followers_uri   VARCHAR(2048),
    locked          BOOLEAN NOT NULL DEFAULT FALSE,
    role            VARCHAR(16) NOT NULL DEFAULT 'employee',
    suspended       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP NOT NULL,
    fetched_at      TIMESTAMP
);
CREATE UNIQUE INDEX accounts_handle ON accounts (username, authority);

CREATE TABLE credentials (
    account_id      BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    password_hash   VARCHAR(255) NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

-- Public keys of every actor we know; private halves only for our own actors.
CREATE TABLE actor_keys (
    key_id_hash     CHAR(64) NOT NULL PRIMARY KEY,
    key_id          VARCHAR(2048) NOT NULL,
    owner_uri       VARCHAR(2048) NOT NULL,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    algorithm       VARCHAR(16) NOT NULL,
    public_pem      CLOB NOT NULL,
    private_pem     CLOB,
    fetched_at      TIMESTAMP NOT NULL
);
CREATE INDEX actor_keys_account ON actor_keys (account_id);

CREATE TABLE access_tokens (
    token_hash      CHAR(64) NOT NULL PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    scopes          VARCHAR(255) NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    revoked_at      TIMESTAMP
);

CREATE TABLE peers (
    authority       VARCHAR(255) NOT NULL PRIMARY KEY,
    added_at        TIMESTAMP NOT NULL,
    note            VARCHAR(500) NOT NULL DEFAULT ''
);

CREATE TABLE follows (
    id              BIGINT NOT NULL PRIMARY KEY,
    follower_id     BIGINT NOT NULL REFERENCES accounts (id),
    target_id       BIGINT NOT NULL REFERENCES accounts (id),
    activity_uri    VARCHAR(2048) NOT NULL,
    state           VARCHAR(16) NOT NULL,      -- pending | accepted
    created_at      TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX follows_pair ON follows (follower_id, target_id);
CREATE INDEX follows_target ON follows (target_id, state);

CREATE TABLE statuses (
    id              BIGINT NOT NULL PRIMARY KEY,   -- time-ordered, see IdGenerator
    uri             VARCHAR(2048) NOT NULL,
    uri_hash        CHAR(64) NOT NULL UNIQUE,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    visibility      VARCHAR(16) NOT NULL,
    content_html    CLOB NOT NULL,
    in_reply_to_uri VARCHAR(2048),
    local           BOOLEAN NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX statuses_account ON statuses (account_id, id);

-- The durable inbox: an activity is stored here before the node answers 202, and handlers run
-- from here, so a crash after 202 loses nothing.
CREATE TABLE inbox_activities (
    id              BIGINT NOT NULL PRIMARY KEY,
    activity_id_hash CHAR(64) NOT NULL UNIQUE,
    activity_id     VARCHAR(2048) NOT NULL,
    activity_type   VARCHAR(64) NOT NULL,
    actor_uri       VARCHAR(2048) NOT NULL,
    key_id          VARCHAR(2048) NOT NULL,
    body            BLOB NOT NULL,
    received_at     TIMESTAMP NOT NULL,
    state           VARCHAR(16) NOT NULL,      -- pending | done | failed
    attempts        INT NOT NULL DEFAULT 0,
    result          VARCHAR(500),
    processed_at    TIMESTAMP
);
CREATE INDEX inbox_pending ON inbox_activities (state, id);

-- The outbound queue: one row per peer inbox per activity.
CREATE TABLE deliveries (
    id              BIGINT NOT NULL PRIMARY KEY,
    activity_id     VARCHAR(2048) NOT NULL,
    inbox_uri       VARCHAR(2048) NOT NULL,
    body            BLOB NOT NULL,
    signing_key_id  VARCHAR(2048) NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    state           VARCHAR(16) NOT NULL,      -- queued | delivered | dead
    last_error      VARCHAR(500),
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
