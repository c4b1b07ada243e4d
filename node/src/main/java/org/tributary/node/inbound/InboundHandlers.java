package org.tributary.node.inbound;

import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;

/** Every inbound activity the node understands, and the handler that applies it, listed in one place. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    public static InboxDispatcher dispatcher(FollowHandler follow, AcceptFollowHandler accept, UndoFollowHandler undo,
            CreateNoteHandler create, UpdateRouter update, DeleteNoteHandler delete,
            AddCheckpointHandler addCheckpoint) {
        return dispatcher(follow, accept, undo, create, update, delete, addCheckpoint,
                activity -> new HandlerResult.Ignored("not handled: " + activity.type()));
    }

    /**
     * {@code create} sees every Create (a poll vote, else a post); {@code acceptOrRsvp} every Accept (an
     * RSVP to an event, else a Follow's acceptance); {@code rsvp} TentativeAccept and Reject.
     */
    public static InboxDispatcher dispatcher(FollowHandler follow, ActivityHandler acceptOrRsvp,
            UndoFollowHandler undo, ActivityHandler create, UpdateRouter update, DeleteNoteHandler delete,
            AddCheckpointHandler addCheckpoint, ActivityHandler rsvp) {
        return InboxDispatcher.builder()
                .on("Follow", follow)
                .on("Accept", acceptOrRsvp)
                .on("TentativeAccept", rsvp)
                .on("Reject", rsvp)
                .on("Undo", undo)
                .on("Create", create)
                .on("Update", update)
                .on("Delete", delete)
                .on("Add", addCheckpoint)
                .otherwise(activity -> new HandlerResult.Ignored("not handled: " + activity.type()))
                .build();
    }
}
