-- Social core: likes (favourites) and boosts (reblogs), the counts a remote post's own node reported,
-- blocks and mutes.

-- One row per account that liked a post, local or remote. activity_uri is the Like's id, so an
-- Undo(Like) that names only the id finds its row.
CREATE TABLE favourites (
    id                  BIGINT NOT NULL PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES accounts (id),
    status_id           BIGINT NOT NULL REFERENCES statuses (id),
    activity_uri        VARCHAR(2048) NOT NULL,
    activity_uri_hash   CHAR(64) NOT NULL UNIQUE,
    created_at          TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX favourites_pair ON favourites (account_id, status_id);
CREATE INDEX favourites_status ON favourites (status_id, id);

-- One row per boost (Announce). Its id is time-ordered like a post's, so boosts and posts share the
-- home timeline's paging.
CREATE TABLE reblogs (
    id                  BIGINT NOT NULL PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES accounts (id),
    status_id           BIGINT NOT NULL REFERENCES statuses (id),
    activity_uri        VARCHAR(2048) NOT NULL,
    activity_uri_hash   CHAR(64) NOT NULL UNIQUE,
    created_at          TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX reblogs_pair ON reblogs (account_id, status_id);
CREATE INDEX reblogs_status ON reblogs (status_id, id);
CREATE INDEX reblogs_account ON reblogs (account_id, id);

-- For a post written on another node: the likes and boosts its own node last reported (the totalItems of
-- the Note's likes/shares collections). A local post's counts are its rows above.
ALTER TABLE statuses ADD COLUMN reported_favourites INT NOT NULL DEFAULT 0;
ALTER TABLE statuses ADD COLUMN reported_reblogs INT NOT NULL DEFAULT 0;

-- account_id blocks target_id. Either may be remote: a peer's Block of one of our employees is kept
-- too, so that employee can no longer see or follow the blocker through this node.
CREATE TABLE blocks (
    id                  BIGINT NOT NULL PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES accounts (id),
    target_id           BIGINT NOT NULL REFERENCES accounts (id),
    activity_uri        VARCHAR(2048) NOT NULL,
    activity_uri_hash   CHAR(64) NOT NULL UNIQUE,
    created_at          TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX blocks_pair ON blocks (account_id, target_id);
CREATE INDEX blocks_target ON blocks (target_id);

-- Mutes are local only and never federated.
CREATE TABLE mutes (
    id                  BIGINT NOT NULL PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES accounts (id),
    target_id           BIGINT NOT NULL REFERENCES accounts (id),
    hide_notifications  BOOLEAN NOT NULL,
    created_at          TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX mutes_pair ON mutes (account_id, target_id);
