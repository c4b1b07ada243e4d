package org.tributary.node.keys;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.signature.SigningKeys;
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
    private final ConcurrentMap<URI, SigningKeys> keySets = new ConcurrentHashMap<>();

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
                .map(LocalSigningKeys::signingKey);
        loaded.ifPresent(key -> parsed.put(keyId, key));
        return loaded;
    }

    /** The key with this id, and the Ed25519 key of the same actor for RFC 9421 (every local actor has one). */
    @Override
    public Optional<SigningKeys> signingKeysFor(URI keyId) {
        SigningKeys cached = keySets.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SigningKeys> loaded = database.inTransaction(connection -> {
            Optional<ActorKey> main = store.find(connection, keyId).filter(ActorKey::hasPrivateKey);
            if (main.isEmpty()) {
                return Optional.<SigningKeys>empty();
            }
            Optional<ActorKey> ed25519 = store.ofAccount(connection, main.get().accountId()).stream()
                    .filter(key -> key.algorithm() == KeyAlgorithm.ED25519 && key.hasPrivateKey())
                    .findFirst();
            return Optional.of(new SigningKeys(signingKey(main.get()), ed25519.map(LocalSigningKeys::signingKey)));
        });
        loaded.ifPresent(keys -> keySets.put(keyId, keys));
        return loaded;
    }

    private static SigningKey signingKey(ActorKey key) {
        return new SigningKey(key.keyId(), KeyPems.privateKey(key.privatePem()), key.algorithm());
    }
}
