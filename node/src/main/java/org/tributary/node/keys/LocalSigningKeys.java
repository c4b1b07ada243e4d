package org.tributary.node.keys;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.LocalKeys;
import org.tributary.node.store.Database;

/**
 * Our own actors' private keys, for signing deliveries and fetches. Parsed once and kept in memory:
 * parsing a PEM costs more than the signature it is used for.
 */
public final class LocalSigningKeys implements LocalKeys {
    private final Database database;
    private final ActorKeyStore store;
    private final ConcurrentMap<URI, SigningKey> parsed = new ConcurrentHashMap<>();

    public LocalSigningKeys(Database database, ActorKeyStore store) {
        this.database = database;
        this.store = store;
    }

    @Override
    public Optional<SigningKey> signingKeyFor(URI keyId) {
        SigningKey cached = parsed.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SigningKey> loaded = database.inTransaction(connection -> store.find(connection, keyId))
                .filter(ActorKey::hasPrivateKey)
                .map(key -> new SigningKey(key.keyId(), KeyCodec.parsePrivateKeyPem(key.privatePem()), key.algorithm()));
        loaded.ifPresent(key -> parsed.put(keyId, key));
        return loaded;
    }
}
