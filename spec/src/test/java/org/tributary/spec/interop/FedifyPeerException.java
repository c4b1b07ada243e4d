package org.tributary.spec.interop;

/**
 * The Fedify peer could not be installed or started, or one of its control calls failed. The
 * message carries what the peer or npm said, so a failing interop test explains itself.
 */
public final class FedifyPeerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FedifyPeerException(String message) {
        super(message);
    }

    public FedifyPeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
