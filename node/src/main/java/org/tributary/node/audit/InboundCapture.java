package org.tributary.node.audit;

import java.util.Optional;
import java.util.function.Supplier;
import org.tributary.federation.http.HttpRequestParts;

/**
 * Hands the raw inbound request to the audit listener. The federation pipeline reports each outcome
 * synchronously on the request's own thread but does not pass the request along, so the inbox resource
 * runs the pipeline inside {@link #during} and the listener reads the request from here. One instance per
 * node; nothing outlives the call.
 */
public final class InboundCapture {
    private final ThreadLocal<HttpRequestParts> current = new ThreadLocal<>();

    /** Runs {@code work} with {@code request} as the request being processed on this thread. */
    public <T> T during(HttpRequestParts request, Supplier<T> work) {
        HttpRequestParts outer = current.get();
        current.set(request);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** The request being processed on this thread, if a caller set one. */
    Optional<HttpRequestParts> current() {
        return Optional.ofNullable(current.get());
    }
}
