-- Media attachments. A local upload points at a content-addressed file (<data>/media/ab/cd/<sha256>);
-- several rows may share one file (identical uploads are stored once). A remote attachment is only a
-- reference to a URL on an allowlisted peer: sha256 is null and nothing is fetched.
CREATE TABLE media_attachments (
    id          BIGINT NOT NULL PRIMARY KEY,            -- time-ordered, see IdGenerator
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    sha256      CHAR(64),                               -- null for remote references
    kind        VARCHAR(16) NOT NULL,                   -- image | document
    media_type  VARCHAR(100) NOT NULL,                  -- detected from the bytes (local) or as the peer said (remote)
    size_bytes  BIGINT NOT NULL,                        -- 0 when unknown (remote)
    description VARCHAR(1500),
    width       INTEGER,
    height      INTEGER,
    focus       VARCHAR(40),                            -- Mastodon's focal point "x,y", each in [-1, 1]
    status_id   BIGINT REFERENCES statuses (id),        -- null until attached to a post
    remote_url  VARCHAR(2048),                          -- set only for remote references
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX media_attachments_status ON media_attachments (status_id, id);
CREATE INDEX media_attachments_sha256 ON media_attachments (sha256);
