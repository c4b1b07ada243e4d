package org.tributary.node.inbox;

import java.util.List;
import java.util.Set;

/**
 * Where the {@link InboxProcessor} finds stored activities waiting for their handlers, and records what became
 * of them. Two kinds: the inbox's own rows ({@link InboxActivityStore}, a node without the compliance log) and
 * the log's accepted entries ({@link LoggedInboxQueue}). The processor reads both, so that a node switched
 * between the two leaves nothing behind.
 */
public interface InboxQueue {
    /**
     * What one read found.
     *
     * @param activities the oldest pending activities, oldest first
     * @param through    how far in the queue the read went: recorded with their outcomes, so that a queue
     *                   that keeps a mark can move it (-1 for one that does not)
     * @param more       whether the read stopped at its limit, so there may be more right after
     */
    record Pending(List<StoredActivity> activities, long through, boolean more) {
    }

    /** The oldest {@code max} pending activities, leaving out {@code skip} (handled, outcome not stored yet). */
    Pending pending(int max, Set<Long> skip);

    /**
     * Stores {@code outcomes}, and that the queue was handled through {@code through} (from {@link Pending}), in
     * one transaction. Calls come in the order of the reads.
     */
    void record(List<ActivityOutcome> outcomes, long through);

    /**
     * Says that of {@code read}, the last read, only the first {@code handled} activities were handled (the
     * batch stopped half-way), and returns the {@code through} to record with their outcomes: the next read
     * goes on from there. A queue whose reads always start from its stored state returns -1.
     */
    default long stoppedAt(Pending read, int handled) {
        return -1;
    }

    /** How many activities wait for their handler. */
    long countPending();
}
