package org.tributary.federation.audit;

import java.util.Objects;
import org.tributary.federation.FederationError;

/**
 * Thrown when an audit artefact (a hash, checkpoint, proof, entry or bundle line) cannot be read or is
 * out of range. Always carries {@link FederationError#MALFORMED_AUDIT_DATA} or another stable code, so a
 * caller can answer with it instead of an unexpected exception.
 */
public final class AuditFormatException extends RuntimeException {
    private final FederationError error;

    public AuditFormatException(String message) {
        this(FederationError.MALFORMED_AUDIT_DATA, message, null);
    }

    public AuditFormatException(String message, Throwable cause) {
        this(FederationError.MALFORMED_AUDIT_DATA, message, cause);
    }

    public AuditFormatException(FederationError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The stable error code for this failure. */
    public FederationError error() {
        return error;
    }
}
