package org.tributary.federation.signature;

import java.util.Objects;
import org.tributary.federation.FederationError;

/**
 * Why a signature step could not go on. Thrown only inside this package and always turned into a
 * {@link VerificationResult.Failed} or {@link SignatureInspection.Unsigned} at the public boundary,
 * so callers of {@link HttpSignatures} never see it.
 */
final class SignatureFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final FederationError error;

    SignatureFailure(FederationError error, String detail) {
        super(Objects.requireNonNull(detail), null, false, false);
        this.error = Objects.requireNonNull(error);
    }

    FederationError error() {
        return error;
    }

    String detail() {
        return getMessage();
    }
}
