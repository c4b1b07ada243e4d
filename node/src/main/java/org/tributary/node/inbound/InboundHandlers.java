package org.tributary.node.inbound;

import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;

/** Every inbound activity the node understands, and the handler that applies it, listed in one place. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    /**
     * {@code create} sees every Create (a poll vote, else a post). {@code acceptOrRsvp} sees every Accept
     * (an RSVP to an event, else a Follow's acceptance), {@code rejectOrRsvp} every Reject (an RSVP, else
     * the refusal or removal of one of our follows), {@code rsvp} TentativeAccept. {@code undo} routes
     * Undo to the handler of what is undone (Follow, Like, Announce, Block).
     */
    public static InboxDispatcher dispatcher(FollowHandler follow, ActivityHandler acceptOrRsvp,
            ActivityHandler rejectOrRsvp, ActivityHandler rsvp, UndoRouter undo, ActivityHandler create,
            UpdateRouter update, DeleteNoteHandler delete, LikeHandler like, AnnounceHandler announce,
            BlockHandler block, AddCheckpointHandler addCheckpoint) {
        return InboxDispatcher.builder()
                .on("Follow", follow)
                .on("Accept", acceptOrRsvp)
                .on("TentativeAccept", rsvp)
                .on("Reject", rejectOrRsvp)
                .on("Undo", undo)
                .on("Create", create)
                .on("Update", update)
                .on("Delete", delete)
                .on("Like", like)
                .on("Announce", announce)
                .on("Block", block)
                .on("Add", addCheckpoint)
                .otherwise(activity -> new HandlerResult.Ignored("not handled: " + activity.type()))
                .build();
    }
}
