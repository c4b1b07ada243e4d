package org.tributary.node.post;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** Posts in the {@code statuses} table. */
public final class StatusStore {
    static final String COLUMNS = "id, uri, account_id, visibility, content_html, in_reply_to_uri, local, created_at";

    /** Inserts a post unless one with the same URI exists; returns whether it was inserted. */
    public boolean insertIfAbsent(Connection connection, Status status) throws SQLException {
        String hash = Hashes.sha256Hex(status.uri().toString());
        if (Jdbc.count(connection, "SELECT COUNT(*) FROM statuses WHERE uri_hash = ?", hash) > 0) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO statuses (" + COLUMNS + ", uri_hash) VALUES (?,?,?,?,?,?,?,?,?)",
                status.id(), status.uri(), status.accountId(), status.visibility(), status.contentHtml(),
                status.inReplyTo(), status.local(), status.createdAt(), hash);
        return true;
    }

    public Optional<Status> findById(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM statuses WHERE id = ?", StatusStore::map, id);
    }

    public Optional<Status> findByUri(Connection connection, URI uri) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM statuses WHERE uri_hash = ?", StatusStore::map,
                Hashes.sha256Hex(uri.toString()));
    }

    public long countLocal(Connection connection) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM statuses WHERE local = TRUE");
    }

    /** One account's posts of the given visibilities, newest first, within the page bounds. */
    public List<Status> byAccount(Connection connection, long accountId, List<Visibility> visibilities, Page page)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM statuses WHERE account_id = ?");
        List<Object> params = new ArrayList<>(List.of(accountId));
        appendVisibilities(sql, params, visibilities);
        return page.run(connection, sql, params, StatusStore::map);
    }

    /**
     * The home timeline of an account: its own posts and the non-direct posts of the accounts it follows
     * with an accepted follow, newest first.
     */
    public List<Status> home(Connection connection, long accountId, Page page) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM statuses WHERE (account_id = ? OR "
                + "(visibility <> 'direct' AND account_id IN (SELECT target_id FROM follows WHERE follower_id = ? "
                + "AND state = 'accepted')))");
        return page.run(connection, sql, new ArrayList<>(List.of(accountId, accountId)), StatusStore::map);
    }

    private static void appendVisibilities(StringBuilder sql, List<Object> params, List<Visibility> visibilities) {
        sql.append(" AND visibility IN (");
        for (int i = 0; i < visibilities.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
            params.add(visibilities.get(i));
        }
        sql.append(')');
    }

    static Status map(ResultSet row) throws SQLException {
        return new Status(row.getLong("id"), Jdbc.uri(row, "uri"), row.getLong("account_id"),
                Visibility.valueOf(row.getString("visibility").toUpperCase(Locale.ROOT)),
                row.getString("content_html"), Jdbc.uri(row, "in_reply_to_uri"), row.getBoolean("local"),
                Jdbc.instant(row, "created_at"));
    }
}
