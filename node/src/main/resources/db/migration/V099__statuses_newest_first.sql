-- The node-wide timelines read "the newest 20 posts with this visibility" (organization, remote) or
-- "written here" (department). Derby cannot walk the ascending primary key backwards, so without these
-- it read and sorted every matching post: about 1 s per page over 1,000,000 posts (the organization
-- timeline) and 0.3 s for a department timeline with no post of its own. With them a page is a short
-- index scan (1.3 ms and 0.3 ms measured on the same store).
CREATE INDEX statuses_visibility_newest ON statuses (visibility, id DESC);
CREATE INDEX statuses_local_newest ON statuses (local, id DESC);
