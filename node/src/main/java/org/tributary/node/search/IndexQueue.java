package org.tributary.node.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts and people whose indexed form is out of date, waiting for the indexer's thread: one entry per
 * post or person however often it changed (the thread reads the store's current state, so one pass
 * catches up with all of them), oldest first. Every change gets a sequence number, so a search can wait
 * until the changes queued before it are in the index, and the index can say since when everything is
 * applied (the time its durable commits record). Thread-safe.
 */
final class IndexQueue {

    /** What is out of date: a post or a person, by id. */
    record Key(Kind kind, long id) {
    }

    enum Kind {
        STATUS, ACCOUNT
    }

    /**
     * Keys taken to be applied; once they are, every change up to {@code through} is in the index.
     * {@code queuedAtMillis} is when the oldest of them was queued.
     */
    record Batch(List<Key> keys, long through, long queuedAtMillis) {
        boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    private record Entry(long sequence, long queuedAtMillis) {
    }

    private final LinkedHashMap<Key, Entry> pending = new LinkedHashMap<>();
    private long lastSequence;
    private long appliedThrough;

    /** Queues a change; returns its sequence number. */
    synchronized long add(Key key, long nowMillis) {
        long sequence = ++lastSequence;
        // A key already waiting keeps its place and age: it has not been read since this change either.
        pending.putIfAbsent(key, new Entry(sequence, nowMillis));
        notifyAll();
        return sequence;
    }

    /** Waits up to {@code waitMillis} for changes, then takes up to {@code max} of them, oldest first. */
    synchronized Batch take(int max, long waitMillis) throws InterruptedException {
        if (pending.isEmpty() && waitMillis > 0) {
            wait(waitMillis);
        }
        List<Key> keys = new ArrayList<>(Math.min(max, pending.size()));
        long oldest = Long.MAX_VALUE;
        Iterator<Map.Entry<Key, Entry>> entries = pending.entrySet().iterator();
        while (entries.hasNext() && keys.size() < max) {
            Map.Entry<Key, Entry> entry = entries.next();
            keys.add(entry.getKey());
            oldest = Math.min(oldest, entry.getValue().queuedAtMillis());
            entries.remove();
        }
        long through = pending.isEmpty() ? lastSequence : pending.values().iterator().next().sequence() - 1;
        return new Batch(keys, through, oldest);
    }

    /** Records that a taken batch is in the index (not necessarily visible to searches yet). */
    synchronized void applied(Batch batch) {
        appliedThrough = Math.max(appliedThrough, batch.through());
        notifyAll();
    }

    /** The sequence number of the last change queued. */
    synchronized long lastSequence() {
        return lastSequence;
    }

    /** Every change up to this sequence number is in the index. */
    synchronized long appliedThrough() {
        return appliedThrough;
    }

    /** Waits up to {@code waitMillis} until every change up to {@code sequence} is applied; returns whether it is. */
    synchronized boolean awaitApplied(long sequence, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (appliedThrough < sequence) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * When the oldest change still waiting was queued, or {@code nowMillis} if none is: every change
     * queued before that time is applied.
     */
    synchronized long appliedBeforeMillis(long nowMillis) {
        return pending.isEmpty() ? nowMillis : pending.values().iterator().next().queuedAtMillis();
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Wakes a thread waiting in {@link #take} (to stop it). */
    synchronized void wakeUp() {
        notifyAll();
    }
}
