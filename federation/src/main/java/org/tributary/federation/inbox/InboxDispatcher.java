package org.tributary.federation.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tributary.federation.spi.InboundActivity;

/**
 * Routes stored activities to typed handlers, registered fluently in one place so that the list of
 * activities a node understands reads top to bottom:
 *
 * <pre>{@code
 * InboxDispatcher dispatcher = InboxDispatcher.builder()
 *         .on("Follow", followHandler)
 *         .on("Undo", undoHandler)
 *         .otherwise(unknown -> new HandlerResult.Ignored("unsupported"))
 *         .build();
 * }</pre>
 *
 * A handler that throws is reported as a retryable failure instead of breaking the node's drain loop.
 */
public final class InboxDispatcher {

    private final Map<String, ActivityHandler> handlers;
    private final ActivityHandler fallback;

    private InboxDispatcher(Map<String, ActivityHandler> handlers, ActivityHandler fallback) {
        this.handlers = Map.copyOf(handlers);
        this.fallback = fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HandlerResult dispatch(InboundActivity activity) {
        ActivityHandler handler = handlers.getOrDefault(activity.type(), fallback);
        try {
            HandlerResult result = handler.handle(activity);
            return result != null
                    ? result
                    : new HandlerResult.Failed("handler for " + activity.type() + " returned no result", false);
        } catch (RuntimeException failure) {
            return new HandlerResult.Failed(
                    "handler for " + activity.type() + " threw " + failure.getClass().getSimpleName()
                            + ": " + failure.getMessage(), true);
        }
    }

    /** The activity types with a registered handler. */
    public Set<String> handledTypes() {
        return handlers.keySet();
    }

    public static final class Builder {
        private final Map<String, ActivityHandler> handlers = new LinkedHashMap<>();
        private ActivityHandler fallback =
                activity -> new HandlerResult.Ignored("no handler for activity type " + activity.type());

        private Builder() {
        }

        /** Registers the handler for one type; registering a type twice is a wiring mistake and fails. */
        public Builder on(String type, ActivityHandler handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("a handler for " + type + " is already registered");
            }
            return this;
        }

        /** The handler for types nobody registered; by default they are ignored with a reason. */
        public Builder otherwise(ActivityHandler handler) {
            this.fallback = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public InboxDispatcher build() {
            return new InboxDispatcher(handlers, fallback);
        }
    }
}
