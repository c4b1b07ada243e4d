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

    /** Following: of a person, or (by a peer's instance actor) of one of our tag collections. */
    public record Following(FollowHandler follow, AcceptFollowHandler accept, UndoFollowHandler undo) {
    }

    /** Node-to-node tag subscriptions (spec/hashtags.md). */
    public record TagSubscriptions(TagFollowHandler follow, AcceptTagFollowHandler accept, UndoTagFollowHandler undo) {
    }

    /** Posts: {@code create} sees every Create (a poll vote, else a post); Update and Delete of a post. */
    public record Posts(ActivityHandler create, UpdateNoteHandler update, DeleteNoteHandler delete) {
    }

    /**
     * Answers to invitations: {@code around} wraps the handler of the activities that are not RSVPs, so
     * that an Accept, TentativeAccept or Reject of an event is an RSVP and every other one goes on.
     */
    public record Rsvps(UnaryOperator<ActivityHandler> around) {
        /** No events here: every Accept is a follow's acceptance. */
        public static Rsvps none() {
            return new Rsvps(UnaryOperator.identity());
        }
    }

    /**
     * The one dispatcher: Follow of a person, else of a tag; Accept as an RSVP, else of a person follow,
     * else of a tag subscription; Undo likewise; Create, Update, Delete of posts; Add of a checkpoint.
     */
    public static InboxDispatcher dispatcher(Following following, TagSubscriptions tags, Posts posts, Rsvps rsvps,
            AddCheckpointHandler addCheckpoint) {
        ActivityHandler rsvpOnly = rsvps.around().apply(NOT_HANDLED);
        return InboxDispatcher.builder()
                .on("Follow", new FirstApplicable(following.follow(), tags.follow()))
                .on("Accept", rsvps.around().apply(new FirstApplicable(following.accept(), tags.accept())))
                .on("TentativeAccept", rsvpOnly)
                .on("Reject", rsvpOnly)
                .on("Undo", new FirstApplicable(following.undo(), tags.undo()))
                .on("Create", posts.create())
                .on("Update", posts.update())
                .on("Delete", posts.delete())
                .on("Add", addCheckpoint)
                .otherwise(NOT_HANDLED)
                .build();
    }
}
