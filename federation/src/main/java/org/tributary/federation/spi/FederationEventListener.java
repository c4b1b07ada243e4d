package org.tributary.federation.spi;

/**
 * Receives a record of everything the federation layer accepts, rejects, delivers or gives up on, so
 * that the node can append it to its compliance log. Called synchronously: an exception thrown here
 * propagates to the caller, because an activity the node cannot log should not be acknowledged.
 */
@FunctionalInterface
public interface FederationEventListener {

    void onEvent(FederationEvent event);

    /** A listener that drops every event, for callers that keep no log. */
    static FederationEventListener ignoring() {
        return event -> { };
    }
}
