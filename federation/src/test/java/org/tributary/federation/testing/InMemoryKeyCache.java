package org.tributary.federation.testing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.federation.spi.KeyCache;
import org.tributary.federation.spi.ResolvedKey;

/** A {@link KeyCache} in a concurrent map. */
public final class InMemoryKeyCache implements KeyCache {

    private final Map<URI, ResolvedKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<ResolvedKey> get(URI keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public void put(ResolvedKey key) {
        keys.put(key.keyId(), key);
    }

    @Override
    public void invalidate(URI keyId) {
        keys.remove(keyId);
    }
}
