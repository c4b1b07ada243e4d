package org.tributary.node.notification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tributary.node.post.Page;
import org.tributary.node.store.Jdbc;

/** The {@code notifications} table. */
public final class NotificationStore {
    private static final String COLUMNS = "id, account_id, type, from_account_id, status_id, created_at";

    public void insert(Connection connection, Notification notification) throws SQLException {
        Jdbc.update(connection, "INSERT INTO notifications (" + COLUMNS + ") VALUES (?,?,?,?,?,?)",
                notification.id(), notification.accountId(), notification.type(), notification.fromAccountId(),
                notification.statusId() == null ? Jdbc.nullOf(Types.BIGINT) : notification.statusId(),
                notification.createdAt());
    }

    /** Whether the same notification exists already (a repeated delivery must not notify twice). */
    public boolean exists(Connection connection, long accountId, NotificationType type, long fromAccountId,
            Long statusId) throws SQLException {
        String statusClause = statusId == null ? "status_id IS NULL" : "status_id = ?";
        List<Object> params = new ArrayList<>(List.of(accountId, type, fromAccountId));
        if (statusId != null) {
            params.add(statusId);
        }
        return Jdbc.count(connection, "SELECT COUNT(*) FROM notifications WHERE account_id = ? AND type = ? "
                + "AND from_account_id = ? AND " + statusClause, params.toArray()) > 0;
    }

    /**
     * An account's notifications of the given types (all when empty), newest first, within the page; none
     * from accounts it blocks or mutes (with notifications).
     */
    public List<Notification> page(Connection connection, long accountId, List<NotificationType> types, Page page)
            throws SQLException {
        // Nothing from an account the reader blocks, or mutes with its notifications.
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notifications WHERE account_id = ?"
                + " AND from_account_id NOT IN (SELECT target_id FROM blocks WHERE account_id = ?)"
                + " AND from_account_id NOT IN (SELECT target_id FROM mutes WHERE account_id = ?"
                + " AND hide_notifications = TRUE)");
        List<Object> params = new ArrayList<>(List.of(accountId, accountId, accountId));
        if (!types.isEmpty()) {
            sql.append(" AND type IN (");
            for (int i = 0; i < types.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
                params.add(types.get(i));
            }
            sql.append(')');
        }
        return page.run(connection, sql, params, NotificationStore::map);
    }

    public Optional<Notification> find(Connection connection, long accountId, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM notifications WHERE id = ? AND account_id = ?",
                NotificationStore::map, id, accountId);
    }

    public boolean delete(Connection connection, long accountId, long id) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM notifications WHERE id = ? AND account_id = ?", id, accountId) > 0;
    }

    public void deleteAll(Connection connection, long accountId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM notifications WHERE account_id = ?", accountId);
    }

    /** A deleted post's notifications go with it. */
    public void deleteForStatus(Connection connection, long statusId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM notifications WHERE status_id = ?", statusId);
    }

    /** Notifications of one kind between two accounts (e.g. a follow request once it is undone). */
    public void deleteBetween(Connection connection, long accountId, long fromAccountId, NotificationType type)
            throws SQLException {
        Jdbc.update(connection, "DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND type = ?",
                accountId, fromAccountId, type);
    }

    private static Notification map(ResultSet row) throws SQLException {
        long statusId = row.getLong("status_id");
        Long status = row.wasNull() ? null : statusId;
        return new Notification(row.getLong("id"), row.getLong("account_id"),
                NotificationType.valueOf(row.getString("type").toUpperCase(Locale.ROOT)),
                row.getLong("from_account_id"), status, Jdbc.instant(row, "created_at"));
    }
}
