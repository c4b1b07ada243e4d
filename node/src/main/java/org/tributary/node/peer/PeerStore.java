package org.tributary.node.peer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tributary.node.store.Jdbc;

/** The allowlist of peer nodes, in the {@code peers} table. */
public final class PeerStore {

    /** Adds a peer; returns false when it was already listed. */
    public boolean add(Connection connection, Peer peer) throws SQLException {
        if (Jdbc.count(connection, "SELECT COUNT(*) FROM peers WHERE authority = ?", peer.authority()) > 0) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO peers (authority, added_at, note) VALUES (?,?,?)", peer.authority(),
                peer.addedAt(), peer.note());
        return true;
    }

    public boolean remove(Connection connection, String authority) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM peers WHERE authority = ?", authority) > 0;
    }

    public List<Peer> list(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT authority, added_at, note FROM peers ORDER BY authority",
                row -> new Peer(row.getString(1), Jdbc.instant(row, "added_at"), row.getString(3)));
    }
}
