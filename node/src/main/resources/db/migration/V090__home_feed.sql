-- The home timeline as a stored feed (fan-out on write): one row per (reader, post), written when a post
-- is stored, so reading a page is one index range scan however many accounts the reader follows.

CREATE TABLE home_feed (
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    status_id       BIGINT NOT NULL REFERENCES statuses (id),
    PRIMARY KEY (account_id, status_id)
);

-- Backfill from what the node already holds: own posts, followed accounts' non-direct posts, and posts
-- addressed to a reader by name.
INSERT INTO home_feed (account_id, status_id)
    SELECT s.account_id, s.id FROM statuses s JOIN accounts a ON a.id = s.account_id WHERE a.authority = '';

INSERT INTO home_feed (account_id, status_id)
    SELECT f.follower_id, s.id FROM statuses s
        JOIN follows f ON f.target_id = s.account_id AND f.state = 'accepted'
        JOIN accounts a ON a.id = f.follower_id AND a.authority = ''
    WHERE s.visibility <> 'direct'
      AND NOT EXISTS (SELECT 1 FROM home_feed h WHERE h.account_id = f.follower_id AND h.status_id = s.id);

INSERT INTO home_feed (account_id, status_id)
    SELECT r.account_id, r.status_id FROM status_recipients r
        JOIN accounts a ON a.id = r.account_id AND a.authority = ''
    WHERE NOT EXISTS (SELECT 1 FROM home_feed h WHERE h.account_id = r.account_id AND h.status_id = r.status_id);
