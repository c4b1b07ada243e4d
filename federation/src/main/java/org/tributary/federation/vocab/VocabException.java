package org.tributary.federation.vocab;

import java.util.Objects;
import org.tributary.federation.FederationError;

/**
 * Input that cannot be read as ActivityStreams JSON. Unchecked because it is thrown by pure
 * functions over bytes a peer sent; the inbox and fetch boundaries catch it and answer with
 * {@link #error()}. The message is safe to show to the peer: it names the problem, never echoes
 * large input.
 */
public final class VocabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FederationError error;

    public VocabException(FederationError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public FederationError error() {
        return error;
    }

    static VocabException malformedJson(String message) {
        return new VocabException(FederationError.MALFORMED_JSON, message);
    }

    static VocabException malformedActivity(String message) {
        return new VocabException(FederationError.MALFORMED_ACTIVITY, message);
    }
}
