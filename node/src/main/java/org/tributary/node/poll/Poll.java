package org.tributary.node.poll;

import java.time.Instant;
import java.util.List;

/**
 * A poll, keyed by its post. {@code expiresAt} is {@code null} for a poll without end time;
 * {@code closed} is set once it ended (for a peer's poll, once its node said so).
 */
public record Poll(long statusId, boolean multiple, Instant expiresAt, boolean closed, int votersCount,
        List<Option> options) {
    public Poll {
        options = List.copyOf(options);
    }

    /** One choice and its count. */
    public record Option(String title, int votesCount) {
    }

    /** Whether votes are refused: closed, or past its end time. */
    public boolean isOver(Instant now) {
        return closed || (expiresAt != null && !now.isBefore(expiresAt));
    }

    public int votesCount() {
        return options.stream().mapToInt(Option::votesCount).sum();
    }
}
