-- Posting: content warnings, language, edits and deletions of statuses; who a post addresses
-- (status_recipients), its hashtags (status_tags) and the notifications it causes.

ALTER TABLE statuses ADD COLUMN spoiler_text VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE statuses ADD COLUMN sensitive BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE statuses ADD COLUMN language VARCHAR(16);
-- What the author typed, kept for local posts so that an edit starts from the text, not the HTML.
ALTER TABLE statuses ADD COLUMN source_text CLOB;
ALTER TABLE statuses ADD COLUMN edited_at TIMESTAMP;
-- A deleted status keeps its row (content cleared) so its URI answers with a Tombstone and a late
-- copy of the Create cannot bring it back.
ALTER TABLE statuses ADD COLUMN deleted_at TIMESTAMP;
-- SHA-256 of in_reply_to_uri: the URI is too long to index, the hash finds a post's replies.
ALTER TABLE statuses ADD COLUMN in_reply_to_hash CHAR(64);
CREATE INDEX statuses_in_reply_to ON statuses (in_reply_to_hash);

-- The accounts a post is addressed to by name (mentions, the replied-to author, a direct post's
-- recipients), local or remote. For followers-only and direct posts this is who may read them besides
-- the author (and, for followers-only, the author's accepted followers).
CREATE TABLE status_recipients (
    status_id       BIGINT NOT NULL REFERENCES statuses (id),
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    mentioned       BOOLEAN NOT NULL,          -- named by a Mention tag, not only addressed
    PRIMARY KEY (status_id, account_id)
);
CREATE INDEX status_recipients_account ON status_recipients (account_id, status_id);

-- Hashtags, lower-case and without '#', in the order they appear.
CREATE TABLE status_tags (
    status_id       BIGINT NOT NULL REFERENCES statuses (id),
    name            VARCHAR(100) NOT NULL,
    PRIMARY KEY (status_id, name)
);
CREATE INDEX status_tags_name ON status_tags (name, status_id);

-- One row per thing an employee is told about. type is a NotificationType name (mention, reply,
-- follow, follow_request, favourite, reblog, kudos, poll, rsvp, accepted_answer, ...); status_id is set
-- when the notification is about a post.
CREATE TABLE notifications (
    id              BIGINT NOT NULL PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    type            VARCHAR(32) NOT NULL,
    from_account_id BIGINT NOT NULL REFERENCES accounts (id),
    status_id       BIGINT REFERENCES statuses (id),
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX notifications_account ON notifications (account_id, id);
CREATE INDEX notifications_status ON notifications (status_id);
