-- Derby cannot walk an ascending index backwards, so with only the (account_id, status_id) primary key a
-- home page ("newest 20") read and sorted every row of the reader's feed: about 2 s per request for a
-- feed of 100,000 posts (bench, benchmark 4). With a descending index the page is a 20-row index scan.
CREATE INDEX home_feed_newest ON home_feed (account_id, status_id DESC);
