package org.tributary.node.media;

import jakarta.json.JsonArray;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.post.PostAttachments;
import org.tributary.node.post.Status;

/** Posting's view of media: attach the uploads, hand back the Note's attachment objects. */
public final class StatusMediaAttacher implements PostAttachments {
    private final MediaService media;
    private final NoteAttachments notes;

    public StatusMediaAttacher(MediaService media, NoteAttachments notes) {
        this.media = media;
        this.notes = notes;
    }

    @Override
    public JsonArray attach(Connection connection, Account author, Status status, List<Long> mediaIds)
            throws SQLException {
        return notes.toJson(media.attach(connection, author, status.id(), mediaIds));
    }
}
