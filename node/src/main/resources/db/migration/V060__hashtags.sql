-- Hashtags: the tags employees follow, and the node-to-node subscriptions that bring every peer's
-- organization posts with a followed tag here (see spec/hashtags.md).

-- A tag an employee follows (Mastodon's followed tags); names as in status_tags: lower-case, no '#'.
CREATE TABLE tag_follows (
    id              BIGINT NOT NULL PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    name            VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (account_id, name)
);
CREATE INDEX tag_follows_name ON tag_follows (name);

-- This node's subscriptions to peers' tag collections: the Follow our instance actor sent for one
-- tag to one peer, pending until the peer accepts it. Undone (and removed) when nobody here follows
-- the tag any more.
CREATE TABLE tag_peer_subscriptions (
    id              BIGINT NOT NULL PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    peer            VARCHAR(255) NOT NULL,     -- the peer's authority, host:port
    collection_uri  VARCHAR(2048) NOT NULL,
    follow_id       VARCHAR(2048) NOT NULL,
    follow_id_hash  CHAR(64) NOT NULL UNIQUE,
    state           VARCHAR(16) NOT NULL,      -- pending | accepted
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (name, peer)
);

-- Peer nodes subscribed to one of our tag collections: our organization posts with the tag go to
-- the subscriber's inbox (its shared inbox), collapsed with ordinary follower delivery.
CREATE TABLE tag_subscribers (
    id              BIGINT NOT NULL PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    subscriber_uri  VARCHAR(2048) NOT NULL,    -- the subscribing node's instance actor
    subscriber_hash CHAR(64) NOT NULL,
    inbox           VARCHAR(2048) NOT NULL,
    follow_id       VARCHAR(2048) NOT NULL,
    follow_id_hash  CHAR(64) NOT NULL UNIQUE,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (name, subscriber_hash)
);
CREATE INDEX tag_subscribers_name ON tag_subscribers (name);

-- The tag timeline orders by the author's time, which every node shares, not by local ids.
CREATE INDEX statuses_created ON statuses (created_at);
