package org.tributary.node.inbox;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.spi.InboundActivity;

/**
 * A stored activity waiting for (or done with) its handler, as an {@link InboxQueue} gives it to the processor.
 *
 * @param id       its place in its queue: an inbox row's id, or the log entry's sequence number
 * @param attempts how many times its handler ran before
 * @param parsed   the activity as the inbox parsed it from {@code body}, when it was handed over in memory
 */
public record StoredActivity(long id, URI activityId, String type, URI actor, byte[] body, int attempts,
        Optional<InboundActivity> parsed) {

    /**
     * Stored text as a URI, or null when it is none: the log cuts an id longer than its column, possibly inside
     * an escape. One such row must not fail the read of every row pending with it, again on every pass.
     */
    static URI uriOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
