-- The search index re-reads, at start, the posts edited since its last durable commit (minus a margin
-- for late deliveries); without an index on edited_at that is a scan of every post at every start.
CREATE INDEX statuses_edited ON statuses (edited_at);
