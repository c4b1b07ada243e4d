package org.tributary.node.post;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tributary.node.account.Account;

/**
 * Attaches the author's uploads to a post being written, inside the post's transaction, and returns
 * them as the Note's {@code attachment} objects. Implemented by the media package; kept as an interface
 * here so posting does not depend on how media is stored.
 */
@FunctionalInterface
public interface PostAttachments {

    /** No media support: refuses any media id. */
    PostAttachments NONE = (connection, author, status, mediaIds) -> {
        if (!mediaIds.isEmpty()) {
            throw new org.tributary.node.http.ApiException(422, "invalid_media", "media attachments are not supported");
        }
        return JsonValue.EMPTY_JSON_ARRAY;
    };

    JsonArray attach(Connection connection, Account author, Status status, List<Long> mediaIds) throws SQLException;
}
