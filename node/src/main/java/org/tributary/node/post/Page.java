package org.tributary.node.post;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tributary.node.store.Jdbc;

/**
 * Mastodon-style paging over time-ordered ids: {@code max_id} (older than), {@code since_id} (newer
 * than, newest first) and {@code min_id} (newer than, the page just after it). Results are newest first.
 */
public record Page(Long maxId, Long sinceId, Long minId, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;

    public Page {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static Page latest(int limit) {
        return new Page(null, null, null, limit);
    }

    /**
     * The page that goes on past {@code ids}, the ids this page read (newest first, as {@link #run} returns
     * them), in the same direction: older than the oldest, or for a {@code min_id} page newer than the newest.
     */
    public Page beyond(List<Long> ids) {
        if (minId != null && sinceId == null) {
            return new Page(maxId, null, ids.get(0), limit);
        }
        return new Page(ids.get(ids.size() - 1), sinceId, minId, limit);
    }

    /** Appends the page bounds, order and limit to {@code sql} (which ends in a WHERE clause) and runs it. */
    public <T> List<T> run(Connection connection, StringBuilder sql, List<Object> params, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        return run(connection, sql, params, mapper, "id");
    }

    /** As {@link #run(Connection, StringBuilder, List, Jdbc.RowMapper)}, paging on the named id column. */
    public <T> List<T> run(Connection connection, StringBuilder sql, List<Object> params, Jdbc.RowMapper<T> mapper,
            String idColumn) throws SQLException {
        if (maxId != null) {
            sql.append(" AND ").append(idColumn).append(" < ?");
            params.add(maxId);
        }
        if (sinceId != null) {
            sql.append(" AND ").append(idColumn).append(" > ?");
            params.add(sinceId);
        }
        boolean ascending = minId != null && sinceId == null;
        if (ascending) {
            sql.append(" AND ").append(idColumn).append(" > ?");
            params.add(minId);
        }
        sql.append(" ORDER BY ").append(idColumn).append(ascending ? " ASC" : " DESC");
        sql.append(" FETCH FIRST ").append(limit).append(" ROWS ONLY");
        List<T> rows = new ArrayList<>(Jdbc.query(connection, sql.toString(), mapper, params.toArray()));
        if (ascending) {
            Collections.reverse(rows);
        }
        return rows;
    }
}
