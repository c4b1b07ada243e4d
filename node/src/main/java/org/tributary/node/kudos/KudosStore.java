package org.tributary.node.kudos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** The kudos and kudos_recipients tables. Only kudos whose post is not deleted are counted. */
public final class KudosStore {
    private static final String LIVE_KUDOS = "k.status_id IN (SELECT id FROM statuses WHERE deleted_at IS NULL)";

    /** Stores a kudos unless its post already has one; returns whether it was stored. */
    public boolean insertIfAbsent(Connection connection, Kudos kudos) throws SQLException {
        if (find(connection, kudos.statusId()).isPresent()) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO kudos (status_id, giver_id, message, kudos_value, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", kudos.statusId(), kudos.giverId(), kudos.message(),
                kudos.value() == null ? Jdbc.nullOf(Types.VARCHAR) : kudos.value(), kudos.createdAt());
        for (long recipient : kudos.recipientIds().stream().distinct().toList()) {
            Jdbc.update(connection, "INSERT INTO kudos_recipients (status_id, account_id) VALUES (?, ?)",
                    kudos.statusId(), recipient);
        }
        return true;
    }

    public Optional<Kudos> find(Connection connection, long statusId) throws SQLException {
        Optional<Kudos> row = Jdbc.queryOne(connection, "SELECT status_id, giver_id, message, kudos_value, created_at "
                + "FROM kudos WHERE status_id = ?", KudosStore::map, statusId);
        if (row.isEmpty()) {
            return row;
        }
        List<Long> recipients = Jdbc.query(connection, "SELECT account_id FROM kudos_recipients WHERE status_id = ? "
                + "ORDER BY account_id", result -> result.getLong(1), statusId);
        Kudos found = row.get();
        return Optional.of(new Kudos(found.statusId(), found.giverId(), recipients, found.message(), found.value(),
                found.createdAt()));
    }

    /** Kudos an account received, counted per value (most first); kudos without a value count under null. */
    public List<KudosCount> countsReceived(Connection connection, long accountId) throws SQLException {
        return Jdbc.query(connection, "SELECT k.kudos_value, COUNT(*) AS n FROM kudos k "
                + "JOIN kudos_recipients r ON r.status_id = k.status_id WHERE r.account_id = ? AND " + LIVE_KUDOS
                + " GROUP BY k.kudos_value ORDER BY n DESC, k.kudos_value",
                row -> new KudosCount(row.getString(1), row.getLong(2)), accountId);
    }

    public long countGiven(Connection connection, long accountId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM kudos k WHERE k.giver_id = ? AND " + LIVE_KUDOS,
                accountId);
    }

    private static Kudos map(ResultSet row) throws SQLException {
        return new Kudos(row.getLong("status_id"), row.getLong("giver_id"), List.of(), row.getString("message"),
                row.getString("kudos_value"), Jdbc.instant(row, "created_at"));
    }
}
