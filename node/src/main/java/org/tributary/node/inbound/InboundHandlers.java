package org.tributary.node.inbound;

import java.util.function.UnaryOperator;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;

/** Every inbound activity the node understands, and the handler that applies it, listed in one place. */
public final class InboundHandlers {
    private static final ActivityHandler NOT_HANDLED =
            activity -> new HandlerResult.Ignored("not handled: " + activity.type());

    private InboundHandlers() {
    }

    /** Following of a person: the request, its acceptance, and its refusal or removal by the followed. */
    public record Following(FollowHandler follow, AcceptFollowHandler accept, RejectFollowHandler reject) {
    }

    /** Node-to-node tag subscriptions (spec/hashtags.md); their Undo goes through the {@link UndoRouter}. */
    public record TagSubscriptions(TagFollowHandler follow, AcceptTagFollowHandler accept) {
    }

    /**
     * Posts: {@code create} sees every Create (a poll vote, else a post); {@code update} every Update (a
     * changed profile, else an edited post, through the {@link UpdateRouter}); Delete of a post.
     */
    public record Posts(ActivityHandler create, UpdateRouter update, DeleteNoteHandler delete) {
    }

    /**
     * Answers to invitations: {@code around} wraps the handler of the activities that are not RSVPs, so
     * that an Accept, TentativeAccept or Reject of an event is an RSVP and every other one goes on.
     */
    public record Rsvps(UnaryOperator<ActivityHandler> around) {
        /** No events here: every Accept is a follow's acceptance, every Reject a follow's refusal. */
        public static Rsvps none() {
            return new Rsvps(UnaryOperator.identity());
        }
    }

    /**
     * Likes, boosts and blocks (spec/interactions.md), and the one Undo handler, which routes the Undo of
     * a Follow (of a person or a tag), Like, Announce or Block to the handler of what is undone.
     */
    public record Social(UndoRouter undo, LikeHandler like, AnnounceHandler announce, BlockHandler block) {
    }

    /**
     * The one dispatcher: Follow of a person, else of a tag; Accept as an RSVP, else of a person follow,
     * else of a tag subscription; Reject as an RSVP, else of a person follow; Undo through the router;
     * Create, Update, Delete of posts; Like, Announce, Block; Add of a checkpoint.
     */
    public static InboxDispatcher dispatcher(Following following, TagSubscriptions tags, Posts posts, Rsvps rsvps,
            Social social, AddCheckpointHandler addCheckpoint) {
        return InboxDispatcher.builder()
                .on("Follow", new FirstApplicable(following.follow(), tags.follow()))
                .on("Accept", rsvps.around().apply(new FirstApplicable(following.accept(), tags.accept())))
                .on("TentativeAccept", rsvps.around().apply(NOT_HANDLED))
                .on("Reject", rsvps.around().apply(following.reject()))
                .on("Undo", social.undo())
                .on("Create", posts.create())
                .on("Update", posts.update())
                .on("Delete", posts.delete())
                .on("Like", social.like())
                .on("Announce", social.announce())
                .on("Block", social.block())
                .on("Add", addCheckpoint)
                .otherwise(NOT_HANDLED)
                .build();
    }
}
