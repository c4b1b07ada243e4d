package org.tributary.node.relationship;

import java.time.Instant;

/** {@code accountId} mutes {@code targetId} (local only); {@code hideNotifications} hides their notifications too. */
public record Mute(long id, long accountId, long targetId, boolean hideNotifications, Instant createdAt) {
}
