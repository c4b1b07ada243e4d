package org.tributary.federation.discovery;

import java.util.Objects;
import org.tributary.federation.FederationError;

/**
 * A discovery lookup that did not produce a trustworthy answer. Checked, because talking to a peer
 * fails in ordinary operation and every caller must decide what that means for its user.
 */
public final class DiscoveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FederationError error;

    public DiscoveryException(FederationError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** {@code PEER_NOT_ALLOWED} (no request was made) or {@code FETCH_FAILED}. */
    public FederationError error() {
        return error;
    }

    static DiscoveryException fetchFailed(String message) {
        return new DiscoveryException(FederationError.FETCH_FAILED, message);
    }

    static DiscoveryException notAllowed(String authority) {
        return new DiscoveryException(FederationError.PEER_NOT_ALLOWED, "peer not allowed: " + authority);
    }
}
