package org.tributary.node.notification;

import java.time.Instant;

/** One thing {@code accountId} is told: {@code fromAccountId} did {@code type}, about {@code statusId} if set. */
public record Notification(long id, long accountId, NotificationType type, long fromAccountId, Long statusId,
        Instant createdAt) {
}
