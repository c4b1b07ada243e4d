package org.tributary.federation.spi;

import java.net.URI;

/**
 * Finds the public key a signature names. The inbox only calls it for key ids on allowed peers.
 * Implementations may cache; {@link #refresh} must bypass any cache, because the inbox calls it once
 * when a signature fails against a cached key.
 */
public interface KeyResolver {

    /** The key named {@code keyId}, from a cache when there is one. */
    KeyLookup resolve(URI keyId);

    /** The key named {@code keyId}, fetched afresh from its owner (and re-cached). */
    KeyLookup refresh(URI keyId);
}
