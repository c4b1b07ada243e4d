-- Kudos, questions with accepted answers, polls and events. Each is a post (a statuses row, so it
-- shows in timelines and threads like any other) plus the rows below, keyed by the post's id.

-- Recognition from one employee (giver) to others; message is the plain text the giver typed and
-- kudos_value the optional value or badge ("teamwork"), lower-case.
CREATE TABLE kudos (
    status_id       BIGINT NOT NULL PRIMARY KEY REFERENCES statuses (id),
    giver_id        BIGINT NOT NULL REFERENCES accounts (id),
    message         VARCHAR(1000) NOT NULL,
    kudos_value     VARCHAR(40),
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX kudos_giver ON kudos (giver_id, status_id);

CREATE TABLE kudos_recipients (
    status_id       BIGINT NOT NULL REFERENCES kudos (status_id),
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (status_id, account_id)
);
CREATE INDEX kudos_recipients_account ON kudos_recipients (account_id, status_id);

-- A post marked as a question; accepted_answer_uri is the reply its asker accepted (null while open).
-- The URI, not a status id: the answer may be a reply this node never received.
CREATE TABLE questions (
    status_id           BIGINT NOT NULL PRIMARY KEY REFERENCES statuses (id),
    accepted_answer_uri VARCHAR(2048),
    accepted_at         TIMESTAMP
);

-- A poll (AS2 Question with oneOf/anyOf). For a poll written here the counts are kept from
-- poll_votes; for a peer's poll they are what its author's node last reported.
CREATE TABLE polls (
    status_id       BIGINT NOT NULL PRIMARY KEY REFERENCES statuses (id),
    multiple        BOOLEAN NOT NULL,
    expires_at      TIMESTAMP,
    closed          BOOLEAN NOT NULL DEFAULT FALSE,
    voters_count    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX polls_expiry ON polls (closed, expires_at);

CREATE TABLE poll_options (
    status_id       BIGINT NOT NULL REFERENCES polls (status_id),
    position        INTEGER NOT NULL,
    title           VARCHAR(200) NOT NULL,
    votes_count     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (status_id, position)
);

-- One row per chosen option: votes on our polls from anyone, and our employees' votes on peers' polls.
CREATE TABLE poll_votes (
    status_id       BIGINT NOT NULL REFERENCES polls (status_id),
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    position        INTEGER NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (status_id, account_id, position)
);

-- An event ("I'll be in town"): when and where. place_key is the place name in lower case, for the
-- case-insensitive place filter.
CREATE TABLE events (
    status_id       BIGINT NOT NULL PRIMARY KEY REFERENCES statuses (id),
    name            VARCHAR(200) NOT NULL,
    start_time      TIMESTAMP NOT NULL,
    end_time        TIMESTAMP,
    place_name      VARCHAR(200),
    place_key       VARCHAR(200),
    latitude        DOUBLE,
    longitude       DOUBLE,
    address         VARCHAR(500)
);
CREATE INDEX events_start ON events (start_time);

-- Answers to an event: accept, tentative or reject; one per person, the latest wins.
CREATE TABLE event_rsvps (
    status_id       BIGINT NOT NULL REFERENCES events (status_id),
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    answer          VARCHAR(16) NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (status_id, account_id)
);
