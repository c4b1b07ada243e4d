package org.tributary.federation.testing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.signature.SigningKeys;
import org.tributary.federation.spi.LocalKeys;

/** {@link LocalKeys} held in a map; tests add the keys of their local actors. */
public final class InMemoryLocalKeys implements LocalKeys {

    private final Map<URI, SigningKey> keys = new ConcurrentHashMap<>();
    private final Map<URI, SigningKey> ed25519ByMainKey = new ConcurrentHashMap<>();

    public InMemoryLocalKeys add(SigningKey key) {
        keys.put(key.keyId(), key);
        return this;
    }

    /** An actor with a main key and an Ed25519 key, which RFC 9421 signatures then use. */
    public InMemoryLocalKeys add(SigningKey main, SigningKey ed25519) {
        add(main).add(ed25519);
        ed25519ByMainKey.put(main.keyId(), ed25519);
        return this;
    }

    @Override
    public Optional<SigningKey> signingKeyFor(URI keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public Optional<SigningKeys> signingKeysFor(URI keyId) {
        return signingKeyFor(keyId).map(main -> new SigningKeys(main, Optional.ofNullable(ed25519ByMainKey.get(keyId))));
    }
}
