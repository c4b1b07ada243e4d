package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.SignedCheckpointJson;
import org.tributary.node.store.Jdbc;

/** SQL for {@code audit_checkpoints}: the checkpoints this node signed over its own log, one per tree size. */
public final class CheckpointStore {
    private final SignedCheckpointJson json = new SignedCheckpointJson();

    public void insert(Connection connection, SignedCheckpoint signed) throws SQLException {
        Jdbc.update(connection, "INSERT INTO audit_checkpoints (tree_size, root_hash, signed_at_ms, checkpoint_json) "
                + "VALUES (?,?,?,?)", signed.checkpoint().treeSize(), signed.checkpoint().rootHash().hex(),
                signed.checkpoint().timestamp().toEpochMilli(), json.encode(signed));
    }

    public Optional<SignedCheckpoint> latest(Connection connection) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT checkpoint_json FROM audit_checkpoints ORDER BY tree_size DESC "
                + "FETCH FIRST 1 ROWS ONLY", row -> json.decode(row.getString(1)));
    }

    /** Every checkpoint, oldest (smallest) first. */
    public List<SignedCheckpoint> all(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT checkpoint_json FROM audit_checkpoints ORDER BY tree_size",
                row -> json.decode(row.getString(1)));
    }

    /** The checkpoint of exactly this size, if one was signed. */
    public Optional<SignedCheckpoint> ofSize(Connection connection, long treeSize) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT checkpoint_json FROM audit_checkpoints WHERE tree_size = ?",
                row -> json.decode(row.getString(1)), treeSize);
    }
}
