package org.tributary.node.inbound;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;

/**
 * The one handler registered for "Undo": it hands the activity to the handler for what is undone
 * (Follow, Like, Announce, Block). The undone type is the embedded object's type; when the object is
 * sent by id only, it is the type of the activity this node recorded under that id. The pipeline has
 * already checked that the actor owns the undone activity.
 */
public final class UndoRouter implements ActivityHandler {
    private final Map<String, ActivityHandler> handlers;
    private final Function<URI, Optional<String>> recordedType;
    private final VocabCodec codec;

    /** {@code recordedType} tells the type of an activity this node recorded by its id. */
    public UndoRouter(Map<String, ActivityHandler> handlers, Function<URI, Optional<String>> recordedType,
            VocabCodec codec) {
        this.handlers = Map.copyOf(new LinkedHashMap<>(handlers));
        this.recordedType = recordedType;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity undo = codec.readActivity(inbound.json());
        if (undo.object() == null) {
            return new HandlerResult.Ignored("Undo without an object");
        }
        Optional<String> type = undo.object() instanceof ObjectRef.Embedded embedded ? Optional.of(embedded.type())
                : recordedType.apply(undo.objectId());
        if (type.isEmpty()) {
            return new HandlerResult.Ignored("nothing recorded here with id " + undo.objectId());
        }
        ActivityHandler handler = handlers.get(type.get());
        if (handler == null) {
            return new HandlerResult.Ignored("Undo of " + type.get() + " is not handled");
        }
        return handler.handle(inbound);
    }
}
