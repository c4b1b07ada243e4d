package org.tributary.node.follow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether accounts have an accepted follower here, as last read from the store. The inbox's handlers ask it of
 * every incoming note's author and every booster, to decide whether anyone here wants the post: one index
 * probe in a transaction of its own each time, ~4 % of the node's CPU under benchmark 1.
 *
 * <p>{@link FollowStore} writes every follow and calls {@link #forget} at the write and again when the
 * transaction ends, committed or rolled back. A read that raced with a write must not keep an answer that the
 * write made stale: each read takes the {@link #generation} before it asks the store, and its answer is kept
 * only if nothing was forgotten since. Bounded, least recently used first out.
 */
final class FollowerPresence {
    private final int capacity;
    private final Map<Long, Boolean> answers;
    private long generation;

    FollowerPresence(int capacity) {
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > FollowerPresence.this.capacity;
            }
        };
    }

    synchronized Optional<Boolean> get(long accountId) {
        return Optional.ofNullable(answers.get(accountId));
    }

    /** To take before reading the store, and give to {@link #putIfCurrent} with what was read. */
    synchronized long generation() {
        return generation;
    }

    /** Keeps {@code hasFollowers}, read from the store at {@code readAt}, unless a follow was written since. */
    synchronized void putIfCurrent(long accountId, boolean hasFollowers, long readAt) {
        if (readAt == generation) {
            answers.put(accountId, hasFollowers);
        }
    }

    /** A follow was written, or its transaction ended: forget every answer, and refuse those read before now. */
    synchronized void forget() {
        generation++;
        answers.clear();
    }

    synchronized int size() {
        return answers.size();
    }
}
