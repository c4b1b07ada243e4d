package org.tributary.node.inbound;

import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;

/** Every inbound activity the node understands, and the handler that applies it, listed in one place. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    public static InboxDispatcher dispatcher(FollowHandler follow, AcceptFollowHandler accept, UndoFollowHandler undo,
            CreateNoteHandler create, UpdateRouter update, DeleteNoteHandler delete,
            AddCheckpointHandler addCheckpoint) {
        return InboxDispatcher.builder()
                .on("Follow", follow)
                .on("Accept", accept)
                .on("Undo", undo)
                .on("Create", create)
                .on("Update", update)
                .on("Delete", delete)
                .on("Add", addCheckpoint)
                .otherwise(activity -> new HandlerResult.Ignored("not handled: " + activity.type()))
                .build();
    }
}
