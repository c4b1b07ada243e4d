package org.tributary.federation.spi;

import java.util.Objects;
import org.tributary.federation.FederationError;

/** What a {@link KeyResolver} answers: a key (and whether it came from a cache), or why there is none. */
public sealed interface KeyLookup {

    /**
     * A key was found. {@code cached} tells the inbox that the key may be stale, so that a signature
     * that fails against it is worth one refetch (the peer may have rotated its key).
     */
    record Found(ResolvedKey key, boolean cached) implements KeyLookup {
        public Found {
            Objects.requireNonNull(key, "key");
        }
    }

    record NotFound(FederationError error, String detail) implements KeyLookup {
        public NotFound {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
