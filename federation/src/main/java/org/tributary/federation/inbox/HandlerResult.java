package org.tributary.federation.inbox;

import java.util.Objects;

/** What a handler did with a stored activity; tells the node whether to drop it or try again later. */
public sealed interface HandlerResult {

    /** The activity took effect. */
    record Applied() implements HandlerResult { }

    /** Nothing to do (e.g. a Like of a post we never had); the activity is done with. */
    record Ignored(String reason) implements HandlerResult {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The handler could not apply it; {@code retryable} says whether trying again later may help. */
    record Failed(String error, boolean retryable) implements HandlerResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static HandlerResult applied() {
        return new Applied();
    }
}
