package org.tributary.federation;

/**
 * Stable error codes for everything the federation layer rejects. The code string appears in response
 * bodies and audit entries and never changes meaning; new codes may be added.
 */
public enum FederationError {
    BODY_TOO_LARGE(413),
    UNSUPPORTED_CONTENT_TYPE(415),
    MALFORMED_JSON(400),
    MALFORMED_ACTIVITY(400),
    SIGNATURE_MISSING(401),
    SIGNATURE_MALFORMED(401),
    SIGNATURE_INVALID(401),
    SIGNATURE_ALGORITHM_UNSUPPORTED(401),
    DIGEST_MISSING(401),
    DIGEST_MISMATCH(401),
    DATE_OUT_OF_WINDOW(401),
    KEY_UNAVAILABLE(401),
    KEY_OWNER_MISMATCH(401),
    PEER_NOT_ALLOWED(403),
    ORIGIN_MISMATCH(403),
    NOT_OBJECT_OWNER(403),
    UNSUPPORTED_ACTIVITY(422),
    FETCH_FAILED(502),
    /** An audit-log artefact (checkpoint, proof, entry or bundle line) that cannot be read. */
    MALFORMED_AUDIT_DATA(400);

    private final int httpStatus;

    FederationError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status a server answers with when it rejects a request for this reason. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The stable, machine-readable code, e.g. {@code "signature_invalid"}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
