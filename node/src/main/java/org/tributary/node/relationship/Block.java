package org.tributary.node.relationship;

import java.net.URI;
import java.time.Instant;

/** {@code accountId} blocks {@code targetId}; {@code activityUri} is the id of the Block activity. */
public record Block(long id, long accountId, long targetId, URI activityUri, Instant createdAt) {
}
