package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;

/**
 * The SQL that says whether an inbound activity is known, and stores one that is not in
 * {@code inbox_activities} (on a node without the compliance log), in the caller's transaction. An activity
 * is known by the SHA-256 of its id: the unique id hash of an inbox row, or the unique inbox key of the log
 * entry that accepted it (V105).
 */
public final class InboxRows {
    private static final String DUPLICATE_KEY = "23505";
    /** Both places an activity accepted before may be recorded in, each probed by its unique index. */
    private static final String KNOWN = "SELECT 1 FROM audit_entries WHERE inbox_key = ? "
            + "UNION ALL SELECT 1 FROM inbox_activities WHERE activity_id_hash = ?";
    private static final String KNOWN_TO_LOG = "SELECT 1 FROM audit_entries WHERE inbox_key = ?";
    private static final String KNOWN_AS_ROW = "SELECT 1 FROM inbox_activities WHERE activity_id_hash = ?";
    /** The smallest key, read from the first entries of the unique index (NULLs sort last): null when none. */
    static final String LOG_HAS_KEYS = "SELECT MIN(inbox_key) FROM audit_entries";
    private static final String ROWS_EXIST = "SELECT 1 FROM inbox_activities FETCH FIRST 1 ROWS ONLY";

    private final IdGenerator ids;
    // A node stores its activities one way for a whole run: into the log, or into inbox rows. Whether the other
    // way holds any is asked once, at the first activity, and stays true for the run.
    /** Whether the log accepted activities here once (a node since run without it). */
    private volatile Boolean logHasKeys;
    /** Whether inbox rows exist (written before V105, or while the node ran without the log). */
    private volatile Boolean rowsExist;

    public InboxRows(IdGenerator ids) {
        this.ids = ids;
    }

    /** The key an activity is known by: the SHA-256 of its id. */
    public static byte[] keyOf(InboundActivity activity) {
        return Hashes.sha256(activity.id().toString());
    }

    /**
     * Whether an activity with this key was accepted before, into the log or an inbox row; for the log's writer.
     * The inbox rows are probed only where there are any.
     */
    public boolean isKnown(Connection connection, byte[] key) throws SQLException {
        return rowsExist(connection)
                ? Jdbc.queryOne(connection, KNOWN, row -> true, key, HexFormat.of().formatHex(key)).isPresent()
                : Jdbc.queryOne(connection, KNOWN_TO_LOG, row -> true, key).isPresent();
    }

    /**
     * Whether an inbox row holds this key, leaving the log's entries unasked (their unique key refuses a second
     * accepted entry by itself); false at once where there are no inbox rows.
     */
    public boolean isKnownAsRow(Connection connection, byte[] key) throws SQLException {
        return rowsExist(connection)
                && Jdbc.queryOne(connection, KNOWN_AS_ROW, row -> true, HexFormat.of().formatHex(key)).isPresent();
    }

    private boolean rowsExist(Connection connection) throws SQLException {
        if (rowsExist == null) {
            rowsExist = Jdbc.queryOne(connection, ROWS_EXIST, row -> true).isPresent();
        }
        return rowsExist;
    }

    /**
     * Stores the activity unless its id is known; returns the new row's id, or empty when the activity was
     * known. It inserts and lets the unique key say "known" rather than asking first: duplicates are rare, and
     * the question cost a query per activity on the inbox's one writer thread. Only a node that once ran with
     * the log asks the log too. A failed statement is undone on its own (Derby's statement-level rollback), so
     * the rest of the caller's transaction goes on.
     */
    public OptionalLong insertIfAbsent(Connection connection, InboundActivity activity, Instant receivedAt, URI keyId)
            throws SQLException {
        byte[] key = keyOf(activity);
        if (logHasKeys(connection) && Jdbc.queryOne(connection, KNOWN_TO_LOG, row -> true, key).isPresent()) {
            return OptionalLong.empty();
        }
        long id = ids.next();
        try {
            Jdbc.update(connection, "INSERT INTO inbox_activities (id, activity_id_hash, activity_id, "
                    + "activity_type, actor_uri, key_id, body, received_at, state) VALUES (?,?,?,?,?,?,?,?,'pending')",
                    id, HexFormat.of().formatHex(key), activity.id(), activity.type(), activity.actor(), keyId,
                    activity.raw(), receivedAt);
            return OptionalLong.of(id);
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    private boolean logHasKeys(Connection connection) throws SQLException {
        Boolean known = logHasKeys;
        if (known == null) {
            known = Jdbc.queryOne(connection, LOG_HAS_KEYS, row -> row.getBytes(1) != null).orElse(false);
            logHasKeys = known;
        }
        return known;
    }
}
