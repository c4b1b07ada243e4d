-- When federation traffic is logged, an inbox row keeps only what the processor changes (state, attempts,
-- result) and what finds it (id, activity id hash), with the log entry that records the activity's arrival
-- (audit_seq): the activity's id, type, actor and time of arrival are read from that entry, whose signature
-- header names the key. They were a second copy written on the log's one writer thread for every activity.
-- Rows of a node without the log, and rows written before this version, keep their own.
ALTER TABLE inbox_activities ALTER COLUMN activity_id NULL;
ALTER TABLE inbox_activities ALTER COLUMN activity_type NULL;
ALTER TABLE inbox_activities ALTER COLUMN actor_uri NULL;
ALTER TABLE inbox_activities ALTER COLUMN key_id NULL;
ALTER TABLE inbox_activities ALTER COLUMN received_at NULL;
