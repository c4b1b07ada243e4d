package org.tributary.node.inbound;

import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;

/** {@code Update} means two things: an edited post, or a changed profile; this picks by the object's type. */
public final class UpdateRouter implements ActivityHandler {
    private final UpdateNoteHandler notes;
    private final UpdateActorHandler actors;
    private final VocabCodec codec;

    public UpdateRouter(UpdateNoteHandler notes, UpdateActorHandler actors, VocabCodec codec) {
        this.notes = notes;
        this.actors = actors;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        if (codec.readActivity(inbound.json()).object() instanceof ObjectRef.Embedded embedded
                && UpdateActorHandler.ACTOR_TYPES.contains(embedded.type())) {
            return actors.handle(inbound);
        }
        return notes.handle(inbound);
    }
}
