package org.tributary.node.streaming;

import java.sql.Connection;
import java.sql.SQLException;
import org.tributary.node.account.Account;
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.hashtag.TagFollowStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Whether an event belongs on one viewer's stream: the one read rule ({@link StatusVisibility}) always,
 * and for the home stream the home timeline's rule (own posts, posts of accounts followed, posts
 * addressed to the viewer, organization posts with a tag the viewer follows).
 */
public final class StreamAudience {
    private final Database database;
    private final StatusVisibility visibility;
    private final FollowStore follows;
    private final StatusRecipientStore recipients;
    private final TagFollowStore tagFollows;

    public StreamAudience(Database database, StatusVisibility visibility, FollowStore follows,
            StatusRecipientStore recipients, TagFollowStore tagFollows) {
        this.database = database;
        this.visibility = visibility;
        this.follows = follows;
        this.recipients = recipients;
        this.tagFollows = tagFollows;
    }

    public boolean shows(StreamConnection stream, StreamEvent event) {
        if (!StreamHub.mayBelong(stream.channel(), event)) {
            return false;
        }
        Account viewer = stream.viewer();
        return database.inTransaction(connection -> {
            if (stream.channel() instanceof StreamChannel.User && !isHome(connection, viewer, event)) {
                return false;
            }
            return visibility.canSee(connection, viewer, event.status());
        });
    }

    private boolean isHome(Connection connection, Account viewer, StreamEvent event) throws SQLException {
        Status status = event.status();
        if (status.accountId() == viewer.id() || recipients.isRecipient(connection, status.id(), viewer.id())) {
            return true;
        }
        boolean following = status.visibility() != Visibility.DIRECT && follows.find(connection, viewer.id(),
                status.accountId()).filter(follow -> follow.state() == FollowState.ACCEPTED).isPresent();
        return following || (status.visibility() == Visibility.ORGANIZATION
                && tagFollows.followsAny(connection, viewer.id(), event.tags()));
    }
}
