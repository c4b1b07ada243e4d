package org.tributary.node.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values read from the store, kept in memory until a write makes them stale. The writer calls
 * {@link #invalidate} once its write has committed (and at any other moment a reader could have seen it). A
 * read that raced with a write must not keep what it read: each read takes the {@link #generation} before it
 * asks the store and gives it to {@link #putIfCurrent}, which keeps the value only if nothing was invalidated
 * since. Bounded, least recently used first out.
 *
 * @param <K> what a value is looked up by
 * @param <V> the value read
 */
public final class ReadCache<K, V> {
    private final int capacity;
    private final Map<K, V> values;
    private long generation;

    public ReadCache(int capacity) {
        this.capacity = capacity;
        this.values = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > ReadCache.this.capacity;
            }
        };
    }

    public synchronized Optional<V> get(K key) {
        return Optional.ofNullable(values.get(key));
    }

    /** To take before reading the store, and give to {@link #putIfCurrent} with what was read. */
    public synchronized long generation() {
        return generation;
    }

    /** Keeps {@code value}, read from the store at {@code readAt}, unless a write was invalidated since. */
    public synchronized void putIfCurrent(K key, V value, long readAt) {
        if (readAt == generation) {
            values.put(key, value);
        }
    }

    /** After a write: forget everything, and refuse values read before now. */
    public synchronized void invalidate() {
        generation++;
        values.clear();
    }

    public synchronized int size() {
        return values.size();
    }
}
