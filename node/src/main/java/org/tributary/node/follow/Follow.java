package org.tributary.node.follow;

import java.net.URI;
import java.time.Instant;

/** One account following another, pending until the followed side accepts. */
public record Follow(long id, long followerId, long targetId, URI activityUri, FollowState state, Instant createdAt) {
}
