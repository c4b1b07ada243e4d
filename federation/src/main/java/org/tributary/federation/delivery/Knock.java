package org.tributary.federation.delivery;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Objects;
import org.tributary.federation.signature.SignatureScheme;

/**
 * One signed HTTP exchange: the scheme and the key id it was signed with, and the response or why there
 * was none.
 */
public sealed interface Knock<T> {

    SignatureScheme scheme();

    URI keyId();

    record Answered<T>(SignatureScheme scheme, URI keyId, HttpResponse<T> response) implements Knock<T> {
        public Answered {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(response, "response");
        }

        public int status() {
            return response.statusCode();
        }
    }

    /** No response: connection refused, timed out, reset, or the thread was interrupted. */
    record Unanswered<T>(SignatureScheme scheme, URI keyId, String detail, boolean timedOut) implements Knock<T> {
        public Unanswered {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
