package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;

/**
 * Fan-out on write: when a post is stored, it is added to the home feed of every reader on this node who
 * should see it there — its local author, the author's accepted followers here (unless it is direct), and
 * the accounts it names. Runs in the transaction that stores the post, so feed and post commit together.
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
    }

    /** After an unfollow: the author's posts leave the reader's feed, except those that name the reader. */
    public void forgetAuthor(Connection connection, long readerId, long authorId) throws SQLException {
        store.removeAuthor(connection, readerId, authorId);
    }
}
