package org.tributary.federation.testing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.LocalKeys;

/** {@link LocalKeys} held in a map; tests add the keys of their local actors. */
public final class InMemoryLocalKeys implements LocalKeys {

    private final Map<URI, SigningKey> keys = new ConcurrentHashMap<>();

    public InMemoryLocalKeys add(SigningKey key) {
        keys.put(key.keyId(), key);
        return this;
    }

    @Override
    public Optional<SigningKey> signingKeyFor(URI keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }
}
