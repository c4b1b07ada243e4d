package org.tributary.federation.signature;

import org.tributary.federation.FederationError;

/**
 * A key could not be read from its encoding (PEM, multibase) or is of a type we do not use. For a
 * peer's key this means the key is unusable, hence {@link FederationError#KEY_UNAVAILABLE}.
 */
public final class KeyFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public FederationError error() {
        return FederationError.KEY_UNAVAILABLE;
    }
}
