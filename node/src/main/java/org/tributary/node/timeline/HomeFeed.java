package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;

/**
 * Fan-out on write: when a post is stored, it is added to the home feed of every reader on this node who
 * should see it there — its local author, the author's accepted followers here (unless it is direct), the
 * accounts it names and, for organization posts, the accounts here that follow one of its hashtags.
 * Runs in the transaction that stores the post, so feed and post commit together.
 */
public final class HomeFeed {
    private final HomeFeedStore store;

    public HomeFeed(HomeFeedStore store) {
        this.store = store;
    }

    /** Call after the post and its recipients are stored. */
    public void distribute(Connection connection, Status status) throws SQLException {
        store.addForLocalAuthor(connection, status);
        if (status.visibility() != Visibility.DIRECT) {
            store.addForLocalFollowers(connection, status);
        }
        store.addForLocalRecipients(connection, status);
        distributeToTagFollowers(connection, status);
    }

    /**
     * Call after a post's tags are stored (again, on an edit): an organization post reaches the feeds of
     * the accounts here following one of its hashtags. Only organization posts, so a followed tag never
     * lets anyone read a followers-only, department or direct post.
     */
    public void distributeToTagFollowers(Connection connection, Status status) throws SQLException {
        if (status.visibility() == Visibility.ORGANIZATION) {
            store.addForTagFollowers(connection, status);
        }
    }

    /** After someone follows a tag: recent organization posts with it join their feed (newest first). */
    public void backfillTag(Connection connection, long readerId, List<Status> recent) throws SQLException {
        for (Status status : recent) {
            if (status.visibility() == Visibility.ORGANIZATION) {
                store.add(connection, readerId, status.id());
            }
        }
    }

    /**
     * After someone unfollows a tag: the posts that were in their feed only because of it leave it; posts
     * they wrote, were named in, follow the author of, or match another tag they follow stay.
     */
    public void forgetTag(Connection connection, long readerId, String tag) throws SQLException {
        store.removeTagOnly(connection, readerId, tag);
    }

    /** After an unfollow: the author's posts leave the reader's feed, except those that name the reader. */
    public void forgetAuthor(Connection connection, long readerId, long authorId) throws SQLException {
        store.removeAuthor(connection, readerId, authorId);
    }
}
