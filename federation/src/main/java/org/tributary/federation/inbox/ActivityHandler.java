package org.tributary.federation.inbox;

import org.tributary.federation.spi.InboundActivity;

/** The node's handling of one activity type, called with an activity that passed the pipeline. */
@FunctionalInterface
public interface ActivityHandler {

    HandlerResult handle(InboundActivity activity);
}
