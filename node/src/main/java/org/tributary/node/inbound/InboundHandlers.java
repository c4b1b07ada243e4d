package org.tributary.node.inbound;

import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;

/** Every inbound activity the node understands, and the handler that applies it, listed in one place. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    /**
     * {@code undo} routes Undo to the handler of what is undone (Follow, Like, Announce, Block); Accept
     * and Reject answer our follows.
     */
    public static InboxDispatcher dispatcher(FollowHandler follow, AcceptFollowHandler accept,
            RejectFollowHandler reject, UndoRouter undo, CreateNoteHandler create, UpdateNoteHandler update,
            DeleteNoteHandler delete, LikeHandler like, AnnounceHandler announce, BlockHandler block,
            AddCheckpointHandler addCheckpoint) {
        return InboxDispatcher.builder()
                .on("Follow", follow)
                .on("Accept", accept)
                .on("Reject", reject)
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
