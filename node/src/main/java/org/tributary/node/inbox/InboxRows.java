package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;

/**
 * The SQL that puts a verified activity into {@code inbox_activities}, in the caller's transaction. The
 * unique activity id hash makes "store unless known" one step: a second copy, even one earlier in the
 * same transaction, is seen and not stored.
 */
public final class InboxRows {
    private static final String DUPLICATE_KEY = "23505";

    private final IdGenerator ids;

    public InboxRows(IdGenerator ids) {
        this.ids = ids;
    }

    /**
     * Stores the activity unless its id is known; returns the new row's id, or empty when the activity was
     * known. It inserts and lets the unique key say "known" rather than asking first: duplicates are rare, and
     * the question cost a query per activity on the inbox's one writer thread. A failed statement is undone on
     * its own (Derby's statement-level rollback), so the rest of the caller's transaction goes on.
     */
    public OptionalLong insertIfAbsent(Connection connection, InboundActivity activity, Instant receivedAt, URI keyId)
            throws SQLException {
        long id = ids.next();
        return insertOrKnown(connection, id, "INSERT INTO inbox_activities (id, activity_id_hash, activity_id, "
                + "activity_type, actor_uri, key_id, body, received_at, state) VALUES (?,?,?,?,?,?,?,?,'pending')",
                id, idHash(activity), activity.id(), activity.type(), activity.actor(), keyId, activity.raw(),
                receivedAt);
    }

    /**
     * As {@link #insertIfAbsent}, for an activity that the compliance log records in entry {@code logSequence},
     * written in the same transaction: the row holds only the id hash that de-duplicates, the processing state
     * and that entry's number. The entry keeps the raw bytes, the activity's id, type and actor, and the time
     * it arrived; a second copy cost the log's one writer thread a fifth of its inbox row (benchmark 1).
     */
    public OptionalLong insertIfAbsentLogged(Connection connection, InboundActivity activity, long logSequence)
            throws SQLException {
        long id = ids.next();
        return insertOrKnown(connection, id, "INSERT INTO inbox_activities (id, activity_id_hash, audit_seq, state) "
                + "VALUES (?,?,?,'pending')", id, idHash(activity), logSequence);
    }

    /** The row's key for "known": the activity id, hashed to a fixed width. */
    private static String idHash(InboundActivity activity) {
        return Hashes.sha256Hex(activity.id().toString());
    }

    /** Runs the INSERT of row {@code id}; its duplicate key means "known". */
    private static OptionalLong insertOrKnown(Connection connection, long id, String insert, Object... params)
            throws SQLException {
        try {
            Jdbc.update(connection, insert, params);
            return OptionalLong.of(id);
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }
}
