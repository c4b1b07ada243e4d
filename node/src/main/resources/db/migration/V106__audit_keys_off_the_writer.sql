-- The log's secondary keys (time, peer, kind), which the audit API's filters, retention and the peer-silence
-- check search by, move from indexes on audit_entries to a table of their own that a thread of its own keeps
-- up with the log (audit.AuditKeyIndexer): their three index entries per entry were about a third of the insert
-- on the log's one writer thread, through which every accepted activity passes (benchmark 1). The table holds
-- a prefix of the log, every entry below MAX(seq) + 1; searches read the entries after it from audit_entries
-- itself, which keeps its columns, so a search never misses an entry that is not keyed yet.
CREATE TABLE audit_entry_keys (
    seq             BIGINT NOT NULL PRIMARY KEY,
    time_ms         BIGINT NOT NULL,
    peer            VARCHAR(255) NOT NULL,
    kind            VARCHAR(64) NOT NULL
);
INSERT INTO audit_entry_keys (seq, time_ms, peer, kind) SELECT seq, time_ms, peer, kind FROM audit_entries;
CREATE INDEX audit_entry_keys_time ON audit_entry_keys (time_ms);
-- seq in the peer and kind indexes: the peer-silence check and retention then read the index alone.
CREATE INDEX audit_entry_keys_peer ON audit_entry_keys (peer, time_ms, seq);
CREATE INDEX audit_entry_keys_kind ON audit_entry_keys (kind, time_ms, seq);
DROP INDEX audit_entries_time;
DROP INDEX audit_entries_peer;
DROP INDEX audit_entries_kind;
