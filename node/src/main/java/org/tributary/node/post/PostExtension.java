package org.tributary.node.post;

import java.sql.Connection;
import java.sql.SQLException;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.notification.NotificationType;

/**
 * What a kind of post (a kudos, a poll, a question, an event) adds to a plain post: its own rows,
 * stored in the post's transaction, and its own wire form of the Create. The plain post stays
 * readable everywhere; the extension only adds.
 */
public interface PostExtension {

    /** A plain post. */
    PostExtension NONE = new PostExtension() {
        @Override
        public void store(Connection connection, StatusView view) {
        }

        @Override
        public Activity shapeCreate(Activity plainCreate) {
            return plainCreate;
        }
    };

    /** Stores what this kind adds, after the post and its recipients were stored. */
    void store(Connection connection, StatusView view) throws SQLException;

    /** The Create to send, given the Create of the plain Note. */
    Activity shapeCreate(Activity plainCreate);

    /** How someone the post mentions is told (a kudos tells its recipients "kudos", not "mention"). */
    default NotificationType notificationFor(Account mentioned) {
        return NotificationType.MENTION;
    }
}
