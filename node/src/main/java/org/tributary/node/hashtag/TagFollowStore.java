package org.tributary.node.hashtag;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.tributary.node.store.Jdbc;

/** The {@code tag_follows} table: which employee follows which tag (names already normalized). */
public final class TagFollowStore {

    /** Records the follow unless it exists; returns whether it was new. */
    public boolean insertIfAbsent(Connection connection, long id, long accountId, String name, Instant at)
            throws SQLException {
        if (follows(connection, accountId, name)) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO tag_follows (id, account_id, name, created_at) VALUES (?,?,?,?)", id,
                accountId, name, at);
        return true;
    }

    public boolean delete(Connection connection, long accountId, String name) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM tag_follows WHERE account_id = ? AND name = ?", accountId, name) > 0;
    }

    public boolean follows(Connection connection, long accountId, String name) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM tag_follows WHERE account_id = ? AND name = ?", accountId,
                name) > 0;
    }

    /** How many employees here follow the tag. */
    public long followerCount(Connection connection, String name) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM tag_follows WHERE name = ?", name);
    }

    /** Whether anyone here follows at least one of the tags. */
    public boolean anyFollowed(Connection connection, Collection<String> names) throws SQLException {
        for (String name : names) {
            if (followerCount(connection, name) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether this account follows at least one of the tags. */
    public boolean followsAny(Connection connection, long accountId, Collection<String> names) throws SQLException {
        for (String name : names) {
            if (follows(connection, accountId, name)) {
                return true;
            }
        }
        return false;
    }

    /** One account's followed tags, most recently followed first, with the follow's id (for paging). */
    public List<Followed> byAccount(Connection connection, long accountId, Long maxId, int limit) throws SQLException {
        return Jdbc.query(connection, "SELECT id, name FROM tag_follows WHERE account_id = ?"
                + (maxId == null ? "" : " AND id < " + maxId) + " ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY", row -> new Followed(row.getLong("id"), row.getString("name")), accountId);
    }

    /** Every tag at least one employee follows. */
    public List<String> allFollowed(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT DISTINCT name FROM tag_follows ORDER BY name", row -> row.getString(1));
    }

    /** A followed tag and the id of the follow. */
    public record Followed(long id, String name) {
    }
}
