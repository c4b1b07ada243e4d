package org.tributary.node.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.store.IdGenerator;

/**
 * What a durable commit of the index promises, and so what the next start must read again from the
 * store: every change queued before {@code appliedBefore} is in that commit. A crash loses at most the
 * changes queued after it, which the indexer re-reads at the next start:
 * <ul>
 *   <li>posts with an id from {@link #recheckPostsFrom}: ids are taken from the node's clock when a post is
 *       stored or received ({@code store.IdGenerator}), but before its transaction commits, and a change is
 *       queued only after that commit; {@link #IN_FLIGHT} covers a transaction that long (the highest id in
 *       the index would not do: a lower id can commit after a higher one);</li>
 *   <li>posts edited ({@code edited_at}) from {@link #recheckEditsFrom}: an edit received from a peer carries
 *       the author's edit time, and a delivery may be retried for days before it arrives, hence
 *       {@link #LATE_EDIT};</li>
 *   <li>every person: accounts keep no time of their last change, and they are few;</li>
 *   <li>deletions are not re-read: a deleted post left in the index is never shown, since every hit is
 *       loaded from the store again and a deleted post is not found there.</li>
 * </ul>
 */
record IndexWatermark(Instant appliedBefore) {
    /** The longest a post's transaction plus the queueing after its commit may take. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(5);
    /** How much older than its arrival a peer's edit time may be (deliveries are retried for about three days). */
    static final Duration LATE_EDIT = Duration.ofDays(4);

    private static final String KEY = "applied_before_ms";

    /** The watermark a commit recorded, if it did (an index written before the rule, or a new one, has none). */
    static Optional<IndexWatermark> of(Map<String, String> commitData) {
        String value = commitData.get(KEY);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IndexWatermark(Instant.ofEpochMilli(Long.parseLong(value))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Map<String, String> commitData() {
        return Map.of(KEY, Long.toString(appliedBefore.toEpochMilli()));
    }

    /** The lowest post id that may have been queued after the watermark. */
    long recheckPostsFrom() {
        return IdGenerator.lowestAt(appliedBefore.minus(IN_FLIGHT));
    }

    /** Posts edited since this time may have been queued after the watermark. */
    Instant recheckEditsFrom() {
        return appliedBefore.minus(IN_FLIGHT).minus(LATE_EDIT);
    }
}
