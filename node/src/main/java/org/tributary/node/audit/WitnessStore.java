package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.SignedCheckpointJson;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;

/** SQL for {@code witnessed_checkpoints} and {@code audit_alerts}: what peers' logs told us, and alarms. */
public final class WitnessStore {
    private final SignedCheckpointJson json = new SignedCheckpointJson();
    private final IdGenerator ids;

    /** One witnessed checkpoint as stored. */
    public record Witnessed(long id, String peer, SignedCheckpoint checkpoint, Instant receivedAt, String verdict,
            boolean accepted) {
    }

    /** One alert about a peer's log. */
    public record Alert(long id, String peer, String type, String detail, Instant raisedAt, String evidence) {
    }

    public WitnessStore(IdGenerator ids) {
        this.ids = ids;
    }

    public void insert(Connection connection, String peer, SignedCheckpoint checkpoint, Instant receivedAt,
            String verdict, boolean accepted) throws SQLException {
        Jdbc.update(connection, "INSERT INTO witnessed_checkpoints (id, peer, tree_size, root_hash, signed_at_ms, "
                + "received_at, verdict, accepted, checkpoint_json) VALUES (?,?,?,?,?,?,?,?,?)", ids.next(), peer,
                checkpoint.checkpoint().treeSize(), checkpoint.checkpoint().rootHash().hex(),
                checkpoint.checkpoint().timestamp().toEpochMilli(), receivedAt, verdict, accepted, json.encode(checkpoint));
    }

    /** The last checkpoint accepted from the peer: the one the next must extend. */
    public Optional<Witnessed> lastAccepted(Connection connection, String peer) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT * FROM witnessed_checkpoints WHERE peer = ? AND accepted = TRUE "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", this::map, peer);
    }

    /** The last accepted checkpoint of every peer. */
    public List<Witnessed> latestPerPeer(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT * FROM witnessed_checkpoints w WHERE accepted = TRUE AND id = "
                + "(SELECT MAX(id) FROM witnessed_checkpoints x WHERE x.peer = w.peer AND x.accepted = TRUE) "
                + "ORDER BY peer", this::map);
    }

    /** Every checkpoint received from a peer, newest first. */
    public List<Witnessed> history(Connection connection, String peer, int limit) throws SQLException {
        return Jdbc.query(connection, "SELECT * FROM witnessed_checkpoints WHERE peer = ? ORDER BY id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", this::map, peer);
    }

    public long raise(Connection connection, String peer, String type, String detail, Instant at, String evidence)
            throws SQLException {
        long id = ids.next();
        Jdbc.update(connection, "INSERT INTO audit_alerts (id, peer, alert_type, detail, raised_at, evidence_json) "
                + "VALUES (?,?,?,?,?,?)", id, peer, type, AuditLog.cut(detail, 2000), at, evidence);
        return id;
    }

    public List<Alert> alerts(Connection connection, int limit) throws SQLException {
        return Jdbc.query(connection, "SELECT * FROM audit_alerts ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY", WitnessStore::mapAlert);
    }

    /** Whether an alert of this type was raised for the peer since {@code since}. */
    public boolean alertedSince(Connection connection, String peer, String type, Instant since) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM audit_alerts WHERE peer = ? AND alert_type = ? "
                + "AND raised_at >= ?", peer, type, since) > 0;
    }

    private Witnessed map(java.sql.ResultSet row) throws SQLException {
        return new Witnessed(row.getLong("id"), row.getString("peer"), json.decode(row.getString("checkpoint_json")),
                Jdbc.instant(row, "received_at"), row.getString("verdict"), row.getBoolean("accepted"));
    }

    private static Alert mapAlert(java.sql.ResultSet row) throws SQLException {
        return new Alert(row.getLong("id"), row.getString("peer"), row.getString("alert_type"), row.getString("detail"),
                Jdbc.instant(row, "raised_at"), row.getString("evidence_json"));
    }
}
