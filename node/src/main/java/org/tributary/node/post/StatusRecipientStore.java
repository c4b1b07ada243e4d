package org.tributary.node.post;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tributary.node.store.Jdbc;

/** The {@code status_recipients} table: who a post addresses by name, and whether it mentions them. */
public final class StatusRecipientStore {

    /** Replaces a post's recipients; an account listed twice counts as mentioned if either entry says so. */
    public void replace(Connection connection, long statusId, List<Recipient> recipients) throws SQLException {
        Jdbc.update(connection, "DELETE FROM status_recipients WHERE status_id = ?", statusId);
        Map<Long, Boolean> merged = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            merged.merge(recipient.accountId(), recipient.mentioned(), Boolean::logicalOr);
        }
        for (Map.Entry<Long, Boolean> entry : merged.entrySet()) {
            Jdbc.update(connection, "INSERT INTO status_recipients (status_id, account_id, mentioned) VALUES (?,?,?)",
                    statusId, entry.getKey(), entry.getValue());
        }
    }

    public List<Recipient> of(Connection connection, long statusId) throws SQLException {
        return Jdbc.query(connection, "SELECT account_id, mentioned FROM status_recipients WHERE status_id = ? "
                + "ORDER BY account_id", row -> new Recipient(row.getLong(1), row.getBoolean(2)), statusId);
    }

    /** The recipients of each of these posts, in account id order as {@link #of} lists them; none, no entry. */
    public Map<Long, List<Recipient>> of(Connection connection, Collection<Long> statusIds) throws SQLException {
        // Ordered here, not by the statement: a Derby sort costs more than the few rows it would order.
        Map<Long, List<Recipient>> byStatus = new HashMap<>();
        Jdbc.queryIn(connection, "SELECT status_id, account_id, mentioned FROM status_recipients "
                + "WHERE status_id IN (%s)", statusIds, row -> {
                    byStatus.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(new Recipient(row.getLong(2), row.getBoolean(3)));
                    return null;
                });
        byStatus.values().forEach(list -> list.sort(Comparator.comparingLong(Recipient::accountId)));
        return byStatus;
    }

    /** Which of these posts address {@code accountId} by name. */
    public Set<Long> addressing(Connection connection, long accountId, Collection<Long> statusIds)
            throws SQLException {
        return new HashSet<>(Jdbc.queryIn(connection, "SELECT status_id FROM status_recipients "
                + "WHERE account_id = ? AND status_id IN (%s)", statusIds, row -> row.getLong(1), accountId));
    }

    public boolean isRecipient(Connection connection, long statusId, long accountId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM status_recipients WHERE status_id = ? AND account_id = ?",
                statusId, accountId) > 0;
    }

    public void deleteAll(Connection connection, long statusId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM status_recipients WHERE status_id = ?", statusId);
    }
}
