package org.tributary.federation.signature;

import java.util.Objects;
import org.tributary.federation.FederationError;

/**
 * What a request says about its signature before any key is fetched: either which scheme and key id it
 * claims, or why it cannot be considered signed at all.
 */
public sealed interface SignatureInspection {

    record Signed(SignatureRequest request) implements SignatureInspection {
        public Signed {
            Objects.requireNonNull(request);
        }
    }

    record Unsigned(FederationError error, String detail) implements SignatureInspection {
        public Unsigned {
            Objects.requireNonNull(error);
            Objects.requireNonNull(detail);
        }
    }
}
