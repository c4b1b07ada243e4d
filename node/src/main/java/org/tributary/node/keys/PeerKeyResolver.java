package org.tributary.node.keys;

import java.net.URI;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.ResolvedKey;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;

/**
 * Peers' public keys for verifying their signatures: from memory, then the store, then fetched with
 * the owner's actor document; refetched once when a cached key stops verifying (the owner may have
 * rotated it). The pipeline only asks for keys on allowlisted peers.
 */
public final class PeerKeyResolver implements KeyResolver {
    private static final int MAX_CACHED = 10_000;

    private final Database database;
    private final ActorKeyStore store;
    private final RemoteAccountService remoteAccounts;
    private final ConcurrentMap<URI, ResolvedKey> parsed = new ConcurrentHashMap<>();

    public PeerKeyResolver(Database database, ActorKeyStore store, RemoteAccountService remoteAccounts) {
        this.database = database;
        this.store = store;
        this.remoteAccounts = remoteAccounts;
    }

    @Override
    public KeyLookup resolve(URI keyId) {
        ResolvedKey cached = parsed.get(keyId);
        if (cached != null) {
            return new KeyLookup.Found(cached, true);
        }
        Optional<ActorKey> stored = database.inTransaction(connection -> store.find(connection, keyId));
        if (stored.isPresent()) {
            return new KeyLookup.Found(remember(stored.get()), true);
        }
        return refresh(keyId);
    }

    @Override
    public KeyLookup refresh(URI keyId) {
        parsed.remove(keyId);
        URI owner = withoutFragment(keyId);
        try {
            remoteAccounts.refresh(owner);
        } catch (ApiException e) {
            return new KeyLookup.NotFound(FederationError.KEY_UNAVAILABLE, e.getMessage());
        }
        return database.inTransaction(connection -> store.find(connection, keyId))
                .<KeyLookup>map(key -> new KeyLookup.Found(remember(key), false))
                .orElseGet(() -> new KeyLookup.NotFound(FederationError.KEY_UNAVAILABLE,
                        "the actor document at " + owner + " does not list key " + keyId));
    }

    private ResolvedKey remember(ActorKey key) {
        PublicKey publicKey = KeyCodec.parsePublicKeyPem(key.publicPem());
        ResolvedKey resolved = new ResolvedKey(key.keyId(), key.owner(), publicKey);
        if (parsed.size() >= MAX_CACHED) {
            parsed.clear(); // bounded; a refill costs one query per key
        }
        parsed.put(key.keyId(), resolved);
        return resolved;
    }

    private static URI withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }
}
