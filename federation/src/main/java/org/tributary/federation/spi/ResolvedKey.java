package org.tributary.federation.spi;

import java.net.URI;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A remote public key together with the actor that owns it. The owner is what the inbox compares with
 * an activity's {@code actor}: a valid signature only proves who signed, not on whose behalf.
 */
public record ResolvedKey(URI keyId, URI owner, PublicKey key) {
    public ResolvedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(key, "key");
    }
}
