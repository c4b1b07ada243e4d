package org.tributary.node.interaction;

import java.net.URI;
import java.time.Instant;

/** One like or boost of a post by an account; {@code activityUri} is the id of its Like or Announce. */
public record Interaction(long id, InteractionKind kind, long accountId, long statusId, URI activityUri,
        Instant createdAt) {
}
