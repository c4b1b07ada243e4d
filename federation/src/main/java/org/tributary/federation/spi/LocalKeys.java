package org.tributary.federation.spi;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.signature.SigningKey;

/** The private keys of this node's own actors (and its instance actor), looked up by public key id. */
@FunctionalInterface
public interface LocalKeys {

    /** The key with this id, or empty when no local actor owns it (e.g. the actor was deleted). */
    Optional<SigningKey> signingKeyFor(URI keyId);
}
