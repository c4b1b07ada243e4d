package org.tributary.node.media;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** The {@code media_attachments} table. */
public final class MediaStore {
    private static final String COLUMNS = "id, account_id, sha256, kind, media_type, size_bytes, description, width, "
            + "height, focus, status_id, remote_url, created_at";

    public void insert(Connection connection, MediaAttachment media) throws SQLException {
        MediaAttachment.Focus focus = media.focus();
        Jdbc.update(connection, "INSERT INTO media_attachments (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                media.id(), media.accountId(), media.sha256(), media.kind(), media.mediaType(), media.sizeBytes(),
                media.description(), intOrNull(media.width()), intOrNull(media.height()),
                focus == null ? null : focus.x() + "," + focus.y(),
                media.statusId() == null ? Jdbc.nullOf(Types.BIGINT) : media.statusId(), media.remoteUrl(),
                media.createdAt());
    }

    public Optional<MediaAttachment> findById(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM media_attachments WHERE id = ?",
                MediaStore::map, id);
    }

    /** Every local upload of these bytes, oldest first. */
    public List<MediaAttachment> bySha256(Connection connection, String sha256) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM media_attachments WHERE sha256 = ? ORDER BY id",
                MediaStore::map, sha256);
    }

    /** A post's attachments in the order they were attached. */
    public List<MediaAttachment> byStatus(Connection connection, long statusId) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM media_attachments WHERE status_id = ? ORDER BY id",
                MediaStore::map, statusId);
    }

    /** The attachments of each of these posts, each post's in the order attached; none, no entry. */
    public Map<Long, List<MediaAttachment>> byStatuses(Connection connection,
            Collection<Long> statusIds) throws SQLException {
        // Ordered here, not by the statement: a Derby sort costs more than the few rows it would order.
        Map<Long, List<MediaAttachment>> byStatus = new HashMap<>();
        for (MediaAttachment attachment : Jdbc.queryIn(connection, "SELECT " + COLUMNS
                + " FROM media_attachments WHERE status_id IN (%s)", statusIds, MediaStore::map)) {
            byStatus.computeIfAbsent(attachment.statusId(), id -> new ArrayList<>()).add(attachment);
        }
        byStatus.values().forEach(list -> list.sort(Comparator.comparingLong(MediaAttachment::id)));
        return byStatus;
    }

    /** Changes an unattached upload's description; false when it is attached (perhaps meanwhile). */
    public boolean updateDescriptionIfUnattached(Connection connection, long id, String description)
            throws SQLException {
        return Jdbc.update(connection,
                "UPDATE media_attachments SET description = ? WHERE id = ? AND status_id IS NULL", description, id) == 1;
    }

    /**
     * Attaches an upload to a post; false when it was attached meanwhile. The condition in the UPDATE,
     * not an earlier read, is what stops two posts from taking the same upload.
     */
    public boolean attach(Connection connection, long id, long statusId) throws SQLException {
        return Jdbc.update(connection,
                "UPDATE media_attachments SET status_id = ? WHERE id = ? AND status_id IS NULL", statusId, id) == 1;
    }

    /**
     * What a deleted post leaves behind: its local uploads are detached (back with their owner, who alone
     * may read them again, as Mastodon's "delete and redraft" expects), its remote references forgotten.
     */
    public void releaseStatus(Connection connection, long statusId) throws SQLException {
        deleteRemoteOf(connection, statusId);
        Jdbc.update(connection, "UPDATE media_attachments SET status_id = NULL WHERE status_id = ?", statusId);
    }

    /** Forgets a post's remote references (before an Update stores the new ones). */
    public void deleteRemoteOf(Connection connection, long statusId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM media_attachments WHERE status_id = ? AND remote_url IS NOT NULL",
                statusId);
    }

    private static Object intOrNull(Integer value) {
        return value == null ? Jdbc.nullOf(Types.INTEGER) : value;
    }

    private static MediaAttachment map(ResultSet row) throws SQLException {
        long statusId = row.getLong("status_id");
        boolean attached = !row.wasNull();
        int width = row.getInt("width");
        boolean hasWidth = !row.wasNull();
        int height = row.getInt("height");
        boolean hasHeight = !row.wasNull();
        return new MediaAttachment(row.getLong("id"), row.getLong("account_id"), row.getString("sha256"),
                MediaKind.parse(row.getString("kind")), row.getString("media_type"), row.getLong("size_bytes"),
                row.getString("description"), hasWidth ? width : null, hasHeight ? height : null,
                MediaAttachment.Focus.parse(row.getString("focus")), attached ? statusId : null,
                Jdbc.uri(row, "remote_url"), Jdbc.instant(row, "created_at"));
    }
}
