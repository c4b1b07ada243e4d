package org.tributary.node.inbound;

import java.util.List;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;

/**
 * One activity type that means different things by its object, e.g. a Follow of a person or of a tag
 * collection: each handler is tried in order until one does not ignore the activity. When all ignore
 * it, the last one's reason is the answer.
 */
public final class FirstApplicable implements ActivityHandler {
    private final List<ActivityHandler> handlers;

    public FirstApplicable(ActivityHandler... handlers) {
        if (handlers.length == 0) {
            throw new IllegalArgumentException("at least one handler");
        }
        this.handlers = List.of(handlers);
    }

    @Override
    public HandlerResult handle(InboundActivity activity) {
        HandlerResult result = null;
        for (ActivityHandler handler : handlers) {
            result = handler.handle(activity);
            if (!(result instanceof HandlerResult.Ignored)) {
                return result;
            }
        }
        return result;
    }
}
