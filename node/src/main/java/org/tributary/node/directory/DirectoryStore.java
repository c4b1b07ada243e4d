package org.tributary.node.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tributary.node.config.LocalUris;
import org.tributary.node.store.Jdbc;

/** The account ids the directory lists, in the order asked for. */
public final class DirectoryStore {

    /** How the directory is sorted: Mastodon's {@code active} (latest post first) or {@code new}. */
    public enum Order {
        ACTIVE, NEW
    }

    /**
     * People who are not suspended and not the instance actor: this node's (localOnly) or every known one.
     */
    public List<Long> ids(Connection connection, boolean localOnly, Order order) throws SQLException {
        String where = "a.suspended = FALSE AND NOT (a.authority = '' AND a.username = ?)"
                + (localOnly ? " AND a.authority = ''" : "");
        String sql = order == Order.NEW
                ? "SELECT a.id FROM accounts a WHERE " + where + " ORDER BY a.created_at DESC, a.id DESC"
                : "SELECT a.id FROM accounts a LEFT JOIN (SELECT account_id, MAX(id) AS latest FROM statuses "
                        + "GROUP BY account_id) s ON s.account_id = a.id WHERE " + where
                        + " ORDER BY CASE WHEN s.latest IS NULL THEN 1 ELSE 0 END, s.latest DESC, a.id DESC";
        return Jdbc.query(connection, sql, row -> row.getLong(1), LocalUris.INSTANCE_ACTOR_USERNAME);
    }
}
