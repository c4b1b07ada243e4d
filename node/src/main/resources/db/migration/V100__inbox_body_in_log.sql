-- An activity's raw bytes are kept once. When federation traffic is logged, the log entry that records
-- the activity's arrival holds them (audit_entries.body) and the inbox row points at it (audit_seq); the
-- inbox row keeps its own copy only when the node runs without the federation log.
ALTER TABLE inbox_activities ALTER COLUMN body NULL;
ALTER TABLE inbox_activities ADD COLUMN audit_seq BIGINT;
