package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
    private final IdGenerator ids;

    public InboxRows(IdGenerator ids) {
        this.ids = ids;
    }

    /** Stores the activity unless its id is known; true when it stored it. */
    public boolean insertIfAbsent(Connection connection, InboundActivity activity, Instant receivedAt, URI keyId)
            throws SQLException {
        String hash = Hashes.sha256Hex(activity.id().toString());
        if (Jdbc.count(connection, "SELECT COUNT(*) FROM inbox_activities WHERE activity_id_hash = ?", hash) > 0) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO inbox_activities (id, activity_id_hash, activity_id, "
                + "activity_type, actor_uri, key_id, body, received_at, state) VALUES (?,?,?,?,?,?,?,?,'pending')",
                ids.next(), hash, activity.id(), activity.type(), activity.actor(), keyId, activity.raw(), receivedAt);
        return true;
    }
}
