package org.tributary.federation.fetch;

import java.net.URI;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.inbox.Origin;
import org.tributary.federation.signature.KeyFormatException;
import org.tributary.federation.spi.KeyCache;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.ResolvedKey;

/**
 * Resolves a signature's key id by fetching it: the key id (say {@code .../users/bob#main-key}) is
 * fetched without its fragment, and the document is either the actor, listing the key in
 * {@code publicKey} or as a Multikey in {@code assertionMethod}, or a bare key document. The entry whose
 * id equals the key id exactly is used. Its owner must share the key id's origin, and when the owner is
 * not the document that was fetched, the owner's own document must list the key too: a key may not
 * simply claim to belong to someone.
 *
 * <p>{@link #resolve} answers from the {@link KeyCache} when it can; {@link #refresh} always fetches and
 * replaces the cached entry, which is how the inbox handles a peer's key rotation.
 */
public final class ActorKeyResolver implements KeyResolver {

    private final SignedFetcher fetcher;
    private final URI fetchAsKeyId;
    private final KeyCache cache;

    /**
     * @param fetchAsKeyId the local key that signs the fetches, normally the instance actor's, which
     *                     peers serve unsigned requests for so that two nodes never wait on each other
     */
    public ActorKeyResolver(SignedFetcher fetcher, URI fetchAsKeyId, KeyCache cache) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.fetchAsKeyId = Objects.requireNonNull(fetchAsKeyId, "fetchAsKeyId");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public KeyLookup resolve(URI keyId) {
        Optional<ResolvedKey> cached = cache.get(keyId);
        if (cached.isPresent()) {
            return new KeyLookup.Found(cached.get(), true);
        }
        return refresh(keyId);
    }

    @Override
    public KeyLookup refresh(URI keyId) {
        KeyLookup fetched = fetchKey(keyId);
        if (fetched instanceof KeyLookup.Found found) {
            cache.put(found.key());
        }
        return fetched;
    }

    private KeyLookup fetchKey(URI keyId) {
        if (Origin.of(keyId).isEmpty()) {
            return notFound(FederationError.KEY_UNAVAILABLE, "key id " + keyId + " is not an http(s) URL");
        }
        FetchResult result = fetcher.fetch(SignedFetcher.withoutFragment(keyId), fetchAsKeyId);
        if (result instanceof FetchResult.Failed failed) {
            return notFound(failed.error(), failed.detail());
        }
        var document = ((FetchResult.Fetched) result).document();
        URI documentId = URI.create(document.getString("id"));
        Optional<PublishedKey> entry = PublishedKey.allIn(document).stream()
                .filter(key -> key.id().equals(keyId))
                .findFirst();
        if (entry.isEmpty()) {
            return notFound(FederationError.KEY_UNAVAILABLE, documentId + " does not publish the key " + keyId);
        }
        // A key entry inside an actor may leave out its owner; then the actor itself is the owner.
        URI owner = entry.get().owner().orElse(documentId);
        if (!Origin.same(owner, keyId)) {
            return notFound(FederationError.ORIGIN_MISMATCH, "key " + keyId + " names the owner " + owner
                    + " on another origin");
        }
        if (!owner.equals(documentId)) {
            Optional<KeyLookup.NotFound> unconfirmed = confirmOwner(owner, keyId);
            if (unconfirmed.isPresent()) {
                return unconfirmed.get();
            }
        }
        PublicKey publicKey;
        try {
            publicKey = entry.get().decode();
        } catch (KeyFormatException unreadable) {
            return notFound(FederationError.KEY_UNAVAILABLE, "key " + keyId + ": " + unreadable.getMessage());
        }
        return new KeyLookup.Found(new ResolvedKey(keyId, owner, publicKey), false);
    }

    /**
     * The reciprocal claim: the owner's document must list the key that names it as owner.
     *
     * @return why the claim is not confirmed; empty when it is
     */
    private Optional<KeyLookup.NotFound> confirmOwner(URI owner, URI keyId) {
        FetchResult ownerResult = fetcher.fetch(owner, fetchAsKeyId);
        if (ownerResult instanceof FetchResult.Failed failed) {
            return Optional.of(notFound(FederationError.KEY_UNAVAILABLE, "owner " + owner + " of key " + keyId
                    + " could not be fetched: " + failed.error().code() + ": " + failed.detail()));
        }
        if (!PublishedKey.lists(((FetchResult.Fetched) ownerResult).document(), keyId)) {
            return Optional.of(notFound(FederationError.KEY_OWNER_MISMATCH, owner + " does not list the key " + keyId));
        }
        return Optional.empty();
    }

    private static KeyLookup.NotFound notFound(FederationError error, String detail) {
        return new KeyLookup.NotFound(error, detail);
    }
}
