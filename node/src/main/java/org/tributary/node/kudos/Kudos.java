package org.tributary.node.kudos;

import java.time.Instant;
import java.util.List;

/**
 * One kudos, keyed by the post that carries it. {@code message} is plain text; {@code value} is the
 * lower-case value or badge, {@code null} when none was given.
 */
public record Kudos(long statusId, long giverId, List<Long> recipientIds, String message, String value,
        Instant createdAt) {
    public Kudos {
        recipientIds = List.copyOf(recipientIds);
    }
}
