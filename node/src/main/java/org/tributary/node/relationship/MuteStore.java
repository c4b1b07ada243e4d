package org.tributary.node.relationship;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.post.Page;
import org.tributary.node.store.Jdbc;

/** Mutes in the {@code mutes} table. */
public final class MuteStore {
    private static final String COLUMNS = "id, account_id, target_id, hide_notifications, created_at";

    /** Inserts or, for a pair muted already, updates whether notifications are hidden. */
    public void upsert(Connection connection, Mute mute) throws SQLException {
        if (find(connection, mute.accountId(), mute.targetId()).isPresent()) {
            Jdbc.update(connection, "UPDATE mutes SET hide_notifications = ? WHERE account_id = ? AND target_id = ?",
                    mute.hideNotifications(), mute.accountId(), mute.targetId());
            return;
        }
        Jdbc.update(connection, "INSERT INTO mutes (" + COLUMNS + ") VALUES (?,?,?,?,?)", mute.id(), mute.accountId(),
                mute.targetId(), mute.hideNotifications(), mute.createdAt());
    }

    public Optional<Mute> find(Connection connection, long accountId, long targetId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM mutes WHERE account_id = ? AND target_id = ?",
                MuteStore::map, accountId, targetId);
    }

    /** Which of {@code targetIds} {@code accountId} mutes. */
    public Set<Long> mutedAmong(Connection connection, long accountId, Collection<Long> targetIds)
            throws SQLException {
        return new HashSet<>(Jdbc.queryIn(connection, "SELECT target_id FROM mutes WHERE account_id = ? "
                + "AND target_id IN (%s)", targetIds, row -> row.getLong(1), accountId));
    }

    public boolean delete(Connection connection, long accountId, long targetId) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM mutes WHERE account_id = ? AND target_id = ?", accountId,
                targetId) > 0;
    }

    /** One page of the accounts {@code accountId} mutes, newest mute first. */
    public List<Mute> byAccount(Connection connection, long accountId, Page page) throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + COLUMNS + " FROM mutes WHERE account_id = ?"),
                new ArrayList<>(List.of(accountId)), MuteStore::map);
    }

    private static Mute map(ResultSet row) throws SQLException {
        return new Mute(row.getLong("id"), row.getLong("account_id"), row.getLong("target_id"),
                row.getBoolean("hide_notifications"), Jdbc.instant(row, "created_at"));
    }
}
