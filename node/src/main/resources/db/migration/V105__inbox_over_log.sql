-- When federation traffic is logged, the inbox is a view over the log: the entry that records an activity's
-- arrival (kind inbox.accepted) is the inbox's only row for it. An inbox row beside it (its own key, id hash
-- and pending index) and an UPDATE of that row per handled activity were half of what the log's one writer
-- thread and the outcome commits spent per activity (benchmark 1).
--
-- inbox_key: SHA-256 of the activity id, as 32 bytes, on accepted entries only (NULL on every other entry);
-- unique, so that one activity is accepted once. Rows of inbox_activities written before this version, or
-- while the log was off, keep their own id hash there and are still consulted.
ALTER TABLE audit_entries ADD COLUMN inbox_key CHAR(32) FOR BIT DATA;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_inbox_key UNIQUE (inbox_key);

-- How far the processor has handled the log: every accepted entry up to handled_through has its outcome
-- (done at the first attempt, or a row in logged_inbox_outcomes). One row. Entries logged before this version have inbox rows
-- of their own and are handled from inbox_activities as before.
CREATE TABLE logged_inbox_progress (
    id               SMALLINT NOT NULL PRIMARY KEY,
    handled_through  BIGINT NOT NULL
);
INSERT INTO logged_inbox_progress (id, handled_through) SELECT 1, COALESCE(MAX(seq), -1) FROM audit_entries;

-- The outcomes other than "done at the first attempt": a retry (state pending), a failure, and any outcome
-- of an activity that was retried before.
CREATE TABLE logged_inbox_outcomes (
    audit_seq     BIGINT NOT NULL PRIMARY KEY,
    state         VARCHAR(16) NOT NULL,      -- pending | done | failed
    attempts      INT NOT NULL,
    result        VARCHAR(500),
    processed_at  TIMESTAMP
);
CREATE INDEX logged_inbox_outcomes_pending ON logged_inbox_outcomes (state, audit_seq);
