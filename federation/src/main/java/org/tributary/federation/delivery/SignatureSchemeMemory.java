package org.tributary.federation.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.spi.SignatureSchemeStore;

/**
 * Which signature scheme each peer accepted, so that only the first request to a peer may need two
 * knocks. Peers are named by authority. Thread-safe; optionally written through to a
 * {@link SignatureSchemeStore} so the knowledge survives a restart.
 */
public final class SignatureSchemeMemory {

    /** Tried first towards a peer we know nothing about (DESIGN §4). */
    public static final SignatureScheme FIRST_CHOICE = SignatureScheme.RFC9421;

    private final Map<String, SignatureScheme> byAuthority = new ConcurrentHashMap<>();
    private final Optional<SignatureSchemeStore> store;

    /** A memory that lasts as long as the process. */
    public SignatureSchemeMemory() {
        this.store = Optional.empty();
    }

    /** A memory loaded from, and written through to, {@code store}. */
    public SignatureSchemeMemory(SignatureSchemeStore store) {
        this.store = Optional.of(Objects.requireNonNull(store, "store"));
        byAuthority.putAll(store.loadAll());
    }

    /** The scheme to try first towards this peer. */
    public SignatureScheme preferredFor(String authority) {
        return byAuthority.getOrDefault(authority, FIRST_CHOICE);
    }

    public Optional<SignatureScheme> rememberedFor(String authority) {
        return Optional.ofNullable(byAuthority.get(authority));
    }

    /** Records that the peer accepted this scheme; persists only when that changes what we knew. */
    public void remember(String authority, SignatureScheme scheme) {
        SignatureScheme previous = byAuthority.put(authority, scheme);
        if (previous != scheme) {
            store.ifPresent(persistent -> persistent.save(authority, scheme));
        }
    }

    /** The scheme that is not {@code scheme}. */
    public static SignatureScheme other(SignatureScheme scheme) {
        return scheme == SignatureScheme.RFC9421 ? SignatureScheme.CAVAGE : SignatureScheme.RFC9421;
    }
}
