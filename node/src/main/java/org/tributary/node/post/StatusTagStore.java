package org.tributary.node.post;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.tributary.node.store.Jdbc;

/**
 * The {@code status_tags} table: a post's hashtags, stored lower-case without {@code #}, so hashtag
 * timelines can find posts by {@code name}.
 */
public final class StatusTagStore {
    /** Longest tag name kept; longer ones are cut, as the column is bounded. */
    public static final int MAX_NAME = 100;

    public void replace(Connection connection, long statusId, List<String> names) throws SQLException {
        Jdbc.update(connection, "DELETE FROM status_tags WHERE status_id = ?", statusId);
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String name : names) {
            String normal = normalize(name);
            if (!normal.isEmpty()) {
                unique.add(normal);
            }
        }
        for (String name : unique) {
            Jdbc.update(connection, "INSERT INTO status_tags (status_id, name) VALUES (?,?)", statusId, name);
        }
    }

    public List<String> of(Connection connection, long statusId) throws SQLException {
        return Jdbc.query(connection, "SELECT name FROM status_tags WHERE status_id = ? ORDER BY name",
                row -> row.getString(1), statusId);
    }

    /** The hashtags of each of these posts, by name as {@link #of} lists them; none, no entry. */
    public Map<Long, List<String>> of(Connection connection, Collection<Long> statusIds) throws SQLException {
        // Ordered here, not by the statement: a Derby sort costs more than the few rows it would order (and
        // Derby compares VARCHARs by UTF-16 unit, as String.compareTo does).
        Map<Long, List<String>> byStatus = new HashMap<>();
        Jdbc.queryIn(connection, "SELECT status_id, name FROM status_tags WHERE status_id IN (%s)", statusIds,
                row -> {
                    byStatus.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                    return null;
                });
        byStatus.values().forEach(names -> names.sort(null));
        return byStatus;
    }

    public void deleteAll(Connection connection, long statusId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM status_tags WHERE status_id = ?", statusId);
    }

    /** {@code #Tag} and {@code tag} are the same tag: lower-case, no leading {@code #}, bounded length. */
    public static String normalize(String name) {
        String bare = name == null ? "" : name.strip();
        while (bare.startsWith("#")) {
            bare = bare.substring(1);
        }
        bare = bare.toLowerCase(Locale.ROOT);
        return bare.length() > MAX_NAME ? bare.substring(0, MAX_NAME) : bare;
    }
}
