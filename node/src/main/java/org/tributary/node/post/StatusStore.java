package org.tributary.node.post;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/**
 * Posts in the {@code statuses} table. Every read except the ones named "including deleted" skips
 * deleted posts, so a deleted post cannot leak through a query that forgot to check.
 */
public final class StatusStore {
    public static final String COLUMNS = "id, uri, account_id, visibility, content_html, in_reply_to_uri, local, created_at, "
            + "spoiler_text, sensitive, language, edited_at";

    /** The status columns prefixed with a table alias, for joins. */
    public static String qualifiedColumns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",")).map(String::strip).map(column -> alias + "." + column)
                .collect(java.util.stream.Collectors.joining(", "));
    }
    private static final String LIVE = " deleted_at IS NULL";

    /** Inserts a post unless one with the same URI exists (even deleted); returns whether it was inserted. */
    public boolean insertIfAbsent(Connection connection, Status status) throws SQLException {
        String hash = Hashes.sha256Hex(status.uri().toString());
        if (Jdbc.count(connection, "SELECT COUNT(*) FROM statuses WHERE uri_hash = ?", hash) > 0) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO statuses (" + COLUMNS + ", uri_hash, in_reply_to_hash) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                status.id(), status.uri(), status.accountId(), status.visibility(), status.contentHtml(),
                status.inReplyTo(), status.local(), status.createdAt(), status.spoilerText(), status.sensitive(),
                status.language(), timestampOrNull(status.editedAt()), hash, replyHash(status.inReplyTo()));
        return true;
    }

    /** Keeps what a local author typed, so an edit can start from it. */
    public void setSourceText(Connection connection, long id, String text) throws SQLException {
        Jdbc.update(connection, "UPDATE statuses SET source_text = ? WHERE id = ?", text, id);
    }

    public Optional<String> sourceText(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT source_text FROM statuses WHERE id = ? AND source_text IS NOT NULL "
                + "AND" + LIVE, row -> row.getString(1), id);
    }

    /** Writes an edit: content, content warning, language and the edit time. */
    public void update(Connection connection, Status status) throws SQLException {
        Jdbc.update(connection, "UPDATE statuses SET content_html = ?, spoiler_text = ?, sensitive = ?, language = ?, "
                + "edited_at = ? WHERE id = ? AND" + LIVE, status.contentHtml(), status.spoilerText(),
                status.sensitive(), status.language(), timestampOrNull(status.editedAt()), status.id());
    }

    /** Deletes a post but keeps a tombstone row: its URI, author and visibility, and when it was deleted. */
    public void markDeleted(Connection connection, long id, Instant at) throws SQLException {
        Jdbc.update(connection, "UPDATE statuses SET content_html = '', spoiler_text = '', source_text = NULL, "
                + "deleted_at = ? WHERE id = ? AND" + LIVE, at, id);
    }

    public Optional<Status> findById(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM statuses WHERE id = ? AND" + LIVE,
                StatusStore::map, id);
    }

    public Optional<Status> findByUri(Connection connection, URI uri) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM statuses WHERE uri_hash = ? AND" + LIVE,
                StatusStore::map, Hashes.sha256Hex(uri.toString()));
    }

    /** The live posts with these ids, by id. */
    public Map<Long, Status> findByIds(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Status> found = new HashMap<>();
        for (Status status : Jdbc.queryIn(connection, "SELECT " + COLUMNS + " FROM statuses WHERE id IN (%s) AND"
                + LIVE, ids, StatusStore::map)) {
            found.put(status.id(), status);
        }
        return found;
    }

    /** The live posts with these URIs, by their URI as text. */
    public Map<String, Status> findByUris(Connection connection, Collection<URI> uris) throws SQLException {
        List<String> hashes = uris.stream().map(uri -> Hashes.sha256Hex(uri.toString())).toList();
        Map<String, Status> found = new HashMap<>();
        for (Status status : Jdbc.queryIn(connection, "SELECT " + COLUMNS + " FROM statuses WHERE uri_hash IN (%s) AND"
                + LIVE, hashes, StatusStore::map)) {
            found.put(status.uri().toString(), status);
        }
        return found;
    }

    /** A deleted post's tombstone: the post as it was addressed (content cleared) and when it was deleted. */
    public Optional<Deleted> findDeletedById(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + ", deleted_at FROM statuses WHERE id = ? "
                + "AND deleted_at IS NOT NULL", row -> new Deleted(map(row), Jdbc.instant(row, "deleted_at")), id);
    }

    /** Whether a post with this URI was known here and deleted. */
    public boolean isDeleted(Connection connection, URI uri) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM statuses WHERE uri_hash = ? AND deleted_at IS NOT NULL",
                Hashes.sha256Hex(uri.toString())) > 0;
    }

    /** The live direct replies to a post, oldest first. */
    public List<Status> replies(Connection connection, URI parent) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM statuses WHERE in_reply_to_hash = ? AND" + LIVE
                + " ORDER BY id ASC", StatusStore::map, Hashes.sha256Hex(parent.toString()));
    }

    public long countLocal(Connection connection) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM statuses WHERE local = TRUE AND" + LIVE);
    }

    /** One account's posts of the given visibilities, newest first, within the page bounds. */
    public List<Status> byAccount(Connection connection, long accountId, List<Visibility> visibilities, Page page)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM statuses WHERE account_id = ? AND" + LIVE);
        List<Object> params = new ArrayList<>(List.of(accountId));
        appendVisibilities(sql, params, visibilities);
        return page.run(connection, sql, params, StatusStore::map);
    }

    /**
     * Live posts that also meet {@code condition} (SQL over the statuses columns, e.g.
     * {@code id IN (SELECT status_id FROM kudos)}), newest first within the page bounds. For the
     * features that keep their own rows beside a post.
     */
    public List<Status> where(Connection connection, String condition, List<Object> params, Page page)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM statuses WHERE" + LIVE + " AND (" + condition
                + ")");
        return page.run(connection, sql, new ArrayList<>(params), StatusStore::map);
    }

    /** A deleted post: its row as addressed, with content cleared. */
    public record Deleted(Status status, Instant deletedAt) {
    }

    private static void appendVisibilities(StringBuilder sql, List<Object> params, List<Visibility> visibilities) {
        sql.append(" AND visibility IN (");
        for (int i = 0; i < visibilities.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
            params.add(visibilities.get(i));
        }
        sql.append(')');
    }

    private static Object timestampOrNull(Instant instant) {
        return instant == null ? Jdbc.nullOf(Types.TIMESTAMP) : instant;
    }

    private static Object replyHash(URI inReplyTo) {
        return inReplyTo == null ? Jdbc.nullOf(Types.CHAR) : Hashes.sha256Hex(inReplyTo.toString());
    }

    public static Status map(ResultSet row) throws SQLException {
        return new Status(row.getLong("id"), Jdbc.uri(row, "uri"), row.getLong("account_id"),
                Visibility.valueOf(row.getString("visibility").toUpperCase(Locale.ROOT)),
                row.getString("content_html"), Jdbc.uri(row, "in_reply_to_uri"), row.getBoolean("local"),
                Jdbc.instant(row, "created_at"), row.getString("spoiler_text"), row.getBoolean("sensitive"),
                row.getString("language"), Jdbc.instant(row, "edited_at"));
    }
}
