-- The tamper-evident federation log (spec/audit-bundle.md). Entries are appended by one writer with
-- gap-free sequence numbers (= Merkle leaf index) and never updated; retention only nulls raw bodies.

CREATE TABLE audit_entries (
    seq             BIGINT NOT NULL PRIMARY KEY,
    time_ms         BIGINT NOT NULL,          -- milliseconds since the epoch, as hashed
    direction       VARCHAR(8) NOT NULL,      -- inbound | outbound | local
    kind            VARCHAR(64) NOT NULL,
    peer            VARCHAR(255) NOT NULL,
    activity_id     VARCHAR(2048) NOT NULL,
    activity_type   VARCHAR(64) NOT NULL,
    actor           VARCHAR(2048) NOT NULL,
    object          VARCHAR(2048) NOT NULL,
    result          VARCHAR(1000) NOT NULL,
    body_digest     CHAR(64) NOT NULL,        -- hex SHA-256 of the raw body
    header_digest   CHAR(64) NOT NULL,        -- hex SHA-256 of the header block
    leaf_hash       CHAR(64) NOT NULL,        -- hex RFC 9162 leaf hash of the canonical entry
    body            BLOB,                     -- raw bytes; NULL when there were none or once pruned
    headers         CLOB,                     -- the logged header fields, "name: value" lines
    body_pruned_at  TIMESTAMP
);
CREATE INDEX audit_entries_time ON audit_entries (time_ms);
CREATE INDEX audit_entries_peer ON audit_entries (peer, time_ms);
CREATE INDEX audit_entries_kind ON audit_entries (kind, time_ms);

-- Every complete subtree hash (level 0 = the leaves) as the compact tree reports them on append:
-- roots of past sizes and proofs then take O(log n) look-ups.
CREATE TABLE audit_subtrees (
    tree_level      INT NOT NULL,
    idx             BIGINT NOT NULL,
    hash            CHAR(64) NOT NULL,
    PRIMARY KEY (tree_level, idx)
);

-- Checkpoints this node signed over its own log.
CREATE TABLE audit_checkpoints (
    tree_size       BIGINT NOT NULL PRIMARY KEY,
    root_hash       CHAR(64) NOT NULL,
    signed_at_ms    BIGINT NOT NULL,
    checkpoint_json CLOB NOT NULL             -- the signed checkpoint JSON (SignedCheckpointJson)
);

-- Every checkpoint received from a peer and what the witness made of it; the accepted ones form the
-- peer's witnessed history, the last accepted one is compared with the next.
CREATE TABLE witnessed_checkpoints (
    id              BIGINT NOT NULL PRIMARY KEY,
    peer            VARCHAR(255) NOT NULL,
    tree_size       BIGINT NOT NULL,
    root_hash       CHAR(64) NOT NULL,
    signed_at_ms    BIGINT NOT NULL,
    received_at     TIMESTAMP NOT NULL,
    verdict         VARCHAR(32) NOT NULL,     -- consistent | stale | forked | shrunk | ...
    accepted        BOOLEAN NOT NULL,
    checkpoint_json CLOB NOT NULL
);
CREATE INDEX witnessed_by_peer ON witnessed_checkpoints (peer, accepted, id);

-- Alerts raised by witnessing: a peer's log forked, shrank or stopped.
CREATE TABLE audit_alerts (
    id              BIGINT NOT NULL PRIMARY KEY,
    peer            VARCHAR(255) NOT NULL,
    alert_type      VARCHAR(32) NOT NULL,     -- forked | shrunk | stopped | bad_signature | ...
    detail          VARCHAR(2000) NOT NULL,
    raised_at       TIMESTAMP NOT NULL,
    evidence_json   CLOB                      -- the conflicting signed checkpoints, when there are some
);
CREATE INDEX audit_alerts_peer ON audit_alerts (peer, id);
