package org.tributary.node.inbound;

import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;

/** Every inbound activity the node understands, and the handler that applies it, listed in one place. */
public final class InboundHandlers {
    private InboundHandlers() {
    }

    /** Following: of a person, or (by a peer's instance actor) of one of our tag collections. */
    public record Following(FollowHandler follow, AcceptFollowHandler accept, UndoFollowHandler undo) {
    }

    /** Node-to-node tag subscriptions (spec/hashtags.md). */
    public record TagSubscriptions(TagFollowHandler follow, AcceptTagFollowHandler accept, UndoTagFollowHandler undo) {
    }

    /** Posts: Create, Update and Delete of a Note. */
    public record Posts(CreateNoteHandler create, UpdateNoteHandler update, DeleteNoteHandler delete) {
    }

    public static InboxDispatcher dispatcher(Following following, TagSubscriptions tags, Posts posts) {
        return InboxDispatcher.builder()
                .on("Follow", new FirstApplicable(following.follow(), tags.follow()))
                .on("Accept", new FirstApplicable(following.accept(), tags.accept()))
                .on("Undo", new FirstApplicable(following.undo(), tags.undo()))
                .on("Create", posts.create())
                .on("Update", posts.update())
                .on("Delete", posts.delete())
                .otherwise(activity -> new HandlerResult.Ignored("not handled: " + activity.type()))
                .build();
    }
}
