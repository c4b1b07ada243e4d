package org.tributary.federation.signature;

import java.net.URI;
import java.util.Objects;
import org.tributary.federation.FederationError;

/** Outcome of checking a request's signature. Never null; a failure names its stable error code. */
public sealed interface VerificationResult {

    record Verified(SignatureScheme scheme, URI keyId) implements VerificationResult {
        public Verified {
            Objects.requireNonNull(scheme);
            Objects.requireNonNull(keyId);
        }
    }

    record Failed(FederationError error, String detail) implements VerificationResult {
        public Failed {
            Objects.requireNonNull(error);
            Objects.requireNonNull(detail);
        }
    }

    default boolean verified() {
        return this instanceof Verified;
    }
}
