package org.tributary.node.hashtag;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** The {@code tag_peer_subscriptions} table: the tag collections of peers this node follows. */
public final class TagPeerSubscriptionStore {
    private static final String COLUMNS = "id, name, peer, collection_uri, follow_id, state";

    public void insert(Connection connection, TagPeerSubscription subscription, Instant at) throws SQLException {
        Jdbc.update(connection, "INSERT INTO tag_peer_subscriptions (" + COLUMNS + ", follow_id_hash, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?)", subscription.id(), subscription.name(), subscription.peer(),
                subscription.collection(), subscription.followId(), subscription.accepted() ? "accepted" : "pending",
                Hashes.sha256Hex(subscription.followId().toString()), at);
    }

    public Optional<TagPeerSubscription> find(Connection connection, String name, String peer) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM tag_peer_subscriptions WHERE name = ? AND peer = ?",
                TagPeerSubscriptionStore::map, name, peer);
    }

    public Optional<TagPeerSubscription> findByFollow(Connection connection, URI followId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM tag_peer_subscriptions WHERE follow_id_hash = ?",
                TagPeerSubscriptionStore::map, Hashes.sha256Hex(followId.toString()));
    }

    public List<TagPeerSubscription> byName(Connection connection, String name) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM tag_peer_subscriptions WHERE name = ? ORDER BY id",
                TagPeerSubscriptionStore::map, name);
    }

    public void markAccepted(Connection connection, long id) throws SQLException {
        Jdbc.update(connection, "UPDATE tag_peer_subscriptions SET state = 'accepted' WHERE id = ?", id);
    }

    public void delete(Connection connection, long id) throws SQLException {
        Jdbc.update(connection, "DELETE FROM tag_peer_subscriptions WHERE id = ?", id);
    }

    private static TagPeerSubscription map(ResultSet row) throws SQLException {
        return new TagPeerSubscription(row.getLong("id"), row.getString("name"), row.getString("peer"),
                Jdbc.uri(row, "collection_uri"), Jdbc.uri(row, "follow_id"), "accepted".equals(row.getString("state")));
    }
}
