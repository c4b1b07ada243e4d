package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** Read markers in the {@code markers} table. */
public final class MarkerStore {

    public Optional<Marker> find(Connection connection, long accountId, String timeline) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT timeline, last_read_id, version, updated_at FROM markers "
                + "WHERE account_id = ? AND timeline = ?", row -> new Marker(row.getString("timeline"),
                        row.getLong("last_read_id"), row.getInt("version"), Jdbc.instant(row, "updated_at")),
                accountId, timeline);
    }

    /** Saves a position; the version counts the saves, as Mastodon's does. */
    public Marker save(Connection connection, long accountId, String timeline, long lastReadId, Instant now)
            throws SQLException {
        Optional<Marker> existing = find(connection, accountId, timeline);
        if (existing.isEmpty()) {
            Jdbc.update(connection, "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at) "
                    + "VALUES (?,?,?,?,?)", accountId, timeline, lastReadId, 1, now);
            return new Marker(timeline, lastReadId, 1, now);
        }
        int version = existing.get().version() + 1;
        Jdbc.update(connection, "UPDATE markers SET last_read_id = ?, version = ?, updated_at = ? "
                + "WHERE account_id = ? AND timeline = ?", lastReadId, version, now, accountId, timeline);
        return new Marker(timeline, lastReadId, version, now);
    }
}
