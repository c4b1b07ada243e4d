package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.node.store.Jdbc;

/**
 * SQL for {@code audit_entry_keys} (V106): the keys searches go by (time, peer, kind), a prefix of the log that
 * {@link AuditKeyIndexer} extends from the committed entries. Here are its upkeep, the check that it matches the
 * entries ({@code audit verify}), and where retention should look; the searches that read it together with the
 * entries not keyed yet are {@link AuditLogStore}'s.
 */
public final class AuditEntryKeys {
    static final String KEYED_OLDER_THAN = "SELECT MIN(seq), MAX(seq) FROM audit_entry_keys WHERE kind = ? "
            + "AND time_ms < ?";

    /**
     * One past the last entry whose keys are in {@code audit_entry_keys}. The table holds a prefix of the log
     * ({@link AuditKeyIndexer} copies whole committed ranges from here on), so every entry before it is keyed.
     */
    public long keyedUpTo(Connection connection) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT MAX(seq) FROM audit_entry_keys", row -> {
            long max = row.getLong(1);
            return row.wasNull() ? 0L : max + 1;
        }).orElse(0L);
    }

    /**
     * The first entry whose keys are not as it says (a time, peer or kind that differs, or a row of keys without its
     * entry), or that has none although the table's prefix covers it; empty when the keys match the log.
     */
    public OptionalLong firstBadKeys(Connection connection) throws SQLException {
        long keyed = keyedUpTo(connection);
        OptionalLong altered = minimum(connection, "SELECT MIN(k.seq) FROM audit_entry_keys k "
                + "LEFT OUTER JOIN audit_entries e ON e.seq = k.seq WHERE e.seq IS NULL OR e.time_ms <> k.time_ms "
                + "OR e.peer <> k.peer OR e.kind <> k.kind");
        if (altered.isPresent()) {
            return altered;
        }
        // A prefix has a row for every entry below its end: a row missing in the middle shows in the count.
        if (Jdbc.count(connection, "SELECT COUNT(*) FROM audit_entry_keys") == keyed) {
            return OptionalLong.empty();
        }
        return minimum(connection, "SELECT MIN(e.seq) FROM audit_entries e WHERE e.seq < ? AND NOT EXISTS "
                + "(SELECT 1 FROM audit_entry_keys k WHERE k.seq = e.seq)", keyed);
    }

    /** The one number a {@code SELECT MIN(...)} returns, empty when it is NULL. */
    private static OptionalLong minimum(Connection connection, String sql, Object... params) throws SQLException {
        return Jdbc.queryOne(connection, sql, row -> {
            long value = row.getLong(1);
            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }, params).orElse(OptionalLong.empty());
    }

    /** Copies the keys of the entries {@code [from, to)} into {@code audit_entry_keys}; returns how many. */
    public int copyKeys(Connection connection, long from, long to) throws SQLException {
        return Jdbc.update(connection, "INSERT INTO audit_entry_keys (seq, time_ms, peer, kind) "
                + "SELECT seq, time_ms, peer, kind FROM audit_entries WHERE seq >= ? AND seq < ?", from, to);
    }

    /** The first and last sequence numbers of a run of entries. */
    public record SequenceRange(long first, long last) {
    }

    /**
     * Where retention looks for the bodies of {@code kind} older than {@code before} among the keyed entries: the
     * first and last such entry, found through the keys' (kind, time) index; empty when there is none.
     */
    public Optional<SequenceRange> keyedOlderThan(Connection connection, String kind, Instant before)
            throws SQLException {
        return Jdbc.queryOne(connection, KEYED_OLDER_THAN, row -> {
                    long first = row.getLong(1);
                    return row.wasNull() ? Optional.<SequenceRange>empty()
                            : Optional.of(new SequenceRange(first, row.getLong(2)));
                }, kind, before.toEpochMilli()).flatMap(found -> found);
    }
}
