package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
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
     * known. It inserts and lets the unique
     * key say "known" rather than asking first: duplicates are rare, and the question cost a query per
     * activity on the inbox's one writer thread. A failed statement is undone on its own (Derby's
     * statement-level rollback), so the rest of the caller's transaction goes on.
     */
    public OptionalLong insertIfAbsent(Connection connection, InboundActivity activity, Instant receivedAt, URI keyId)
            throws SQLException {
        return insert(connection, activity, receivedAt, keyId, activity.raw(), Jdbc.nullOf(Types.BIGINT));
    }

    /**
     * As {@link #insertIfAbsent}, for an activity whose raw bytes the compliance log keeps in entry
     * {@code logSequence}, written in the same transaction: the row points at that entry instead of holding
     * a second copy of the bytes.
     */
    public OptionalLong insertIfAbsentLogged(Connection connection, InboundActivity activity, Instant receivedAt,
            URI keyId, long logSequence) throws SQLException {
        return insert(connection, activity, receivedAt, keyId, Jdbc.nullOf(Types.BLOB), logSequence);
    }

    private OptionalLong insert(Connection connection, InboundActivity activity, Instant receivedAt, URI keyId,
            Object body, Object logSequence) throws SQLException {
        long id = ids.next();
        try {
            Jdbc.update(connection, "INSERT INTO inbox_activities (id, activity_id_hash, activity_id, "
                    + "activity_type, actor_uri, key_id, body, audit_seq, received_at, state) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,'pending')",
                    id, Hashes.sha256Hex(activity.id().toString()), activity.id(), activity.type(),
                    activity.actor(), keyId, body, logSequence, receivedAt);
            return OptionalLong.of(id);
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }
}
