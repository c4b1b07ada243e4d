package org.tributary.node.inbound;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.tributary.federation.vocab.Note;
import org.tributary.node.account.Account;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.post.Status;

/**
 * What a kind of post (kudos, question, poll, event) keeps beside a peer's post, read from the object
 * exactly as it arrived (its extra types and properties). Called in the transaction that stores the post.
 */
public interface IncomingPostPart {

    /**
     * The post was stored ({@code created}) or updated from {@code object}; keep what this kind adds,
     * if the object is of this kind.
     */
    void stored(Connection connection, Status status, Note note, JsonObject object, Account author, boolean created)
            throws SQLException;

    /** How a mentioned employee is told about a new post of this kind, when not with "mention". */
    default Optional<NotificationType> notificationFor(JsonObject object, Account mentioned) {
        return Optional.empty();
    }
}
