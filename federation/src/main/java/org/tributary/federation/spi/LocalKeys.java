package org.tributary.federation.spi;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.signature.SigningKeys;

/** The private keys of this node's own actors (and its instance actor), looked up by public key id. */
@FunctionalInterface
public interface LocalKeys {

    /** The key with this id, or empty when no local actor owns it (e.g. the actor was deleted). */
    Optional<SigningKey> signingKeyFor(URI keyId);

    /**
     * The key with this id together with its owner's Ed25519 key, which RFC 9421 signatures use (see
     * {@link SigningKeys}). By default the key alone: an implementation that knows its actors' other keys
     * overrides this.
     */
    default Optional<SigningKeys> signingKeysFor(URI keyId) {
        return signingKeyFor(keyId).map(SigningKeys::only);
    }
}
