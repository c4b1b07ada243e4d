-- "How many accounts does X follow" is counted for every author shown in a page of posts, and "which
-- of these authors does the reader follow" is asked for every followers-only post. With only the
-- (follower_id, target_id) pair index Derby had to read each follow row to check its state: 500 row
-- reads per page for an author who follows 500 accounts. With the state and target in the index,
-- both are answered from the index alone.
CREATE INDEX follows_follower ON follows (follower_id, state, target_id);
