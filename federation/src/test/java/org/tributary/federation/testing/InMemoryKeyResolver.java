package org.tributary.federation.testing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tributary.federation.FederationError;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.ResolvedKey;

/**
 * A {@link KeyResolver} over two maps: the keys peers currently publish, and a cache in front of them.
 * Putting an old key in the cache with {@link #cacheStale} simulates a peer that rotated its key.
 */
public final class InMemoryKeyResolver implements KeyResolver {

    private final Map<URI, ResolvedKey> published = new ConcurrentHashMap<>();
    private final Map<URI, ResolvedKey> cache = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();

    /** Makes {@code key} the one its peer publishes now. */
    public InMemoryKeyResolver publish(ResolvedKey key) {
        published.put(key.keyId(), key);
        return this;
    }

    /** Puts {@code key} in the cache, whatever the peer publishes. */
    public InMemoryKeyResolver cacheStale(ResolvedKey key) {
        cache.put(key.keyId(), key);
        return this;
    }

    @Override
    public KeyLookup resolve(URI keyId) {
        ResolvedKey cached = cache.get(keyId);
        return cached != null ? new KeyLookup.Found(cached, true) : refresh(keyId);
    }

    @Override
    public KeyLookup refresh(URI keyId) {
        fetches.incrementAndGet();
        ResolvedKey key = published.get(keyId);
        if (key == null) {
            return new KeyLookup.NotFound(FederationError.KEY_UNAVAILABLE, "no key published as " + keyId);
        }
        cache.put(keyId, key);
        return new KeyLookup.Found(key, false);
    }

    /** How many times a key was "fetched" (not answered from the cache). */
    public int fetches() {
        return fetches.get();
    }
}
