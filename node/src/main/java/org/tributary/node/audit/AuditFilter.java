package org.tributary.node.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;

/**
 * Which entries to list, all conditions combined with AND; empty means "any". {@code afterSequence}
 * pages through the log (entries with a larger sequence number), {@code limit} caps the page.
 *
 * @param result an exact result, e.g. {@code accepted} or an error code such as {@code signature_invalid}
 */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> peer,
        Optional<String> actor, Optional<String> activityType, Optional<AuditDirection> direction,
        Optional<String> kind, Optional<String> result, long afterSequence, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** Everything, first page. */
    public static AuditFilter all(int limit) {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), -1, limit);
    }
}
