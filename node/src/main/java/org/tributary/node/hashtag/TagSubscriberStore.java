package org.tributary.node.hashtag;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** The {@code tag_subscribers} table: peer nodes that follow one of this node's tag collections. */
public final class TagSubscriberStore {
    private static final String COLUMNS = "id, name, subscriber_uri, inbox, follow_id";

    /**
     * Records a subscription; a repeated Follow from the same node for the same tag replaces the earlier
     * one (its id is what a later Undo will name).
     */
    public void upsert(Connection connection, TagSubscriber subscriber, Instant at) throws SQLException {
        Jdbc.update(connection, "DELETE FROM tag_subscribers WHERE name = ? AND subscriber_hash = ?", subscriber.name(),
                Hashes.sha256Hex(subscriber.subscriber().toString()));
        Jdbc.update(connection, "DELETE FROM tag_subscribers WHERE follow_id_hash = ?",
                Hashes.sha256Hex(subscriber.followId().toString()));
        Jdbc.update(connection, "INSERT INTO tag_subscribers (" + COLUMNS + ", subscriber_hash, follow_id_hash, "
                + "created_at) VALUES (?,?,?,?,?,?,?,?)", subscriber.id(), subscriber.name(), subscriber.subscriber(),
                subscriber.inbox(), subscriber.followId(), Hashes.sha256Hex(subscriber.subscriber().toString()),
                Hashes.sha256Hex(subscriber.followId().toString()), at);
    }

    public Optional<TagSubscriber> findByFollow(Connection connection, URI followId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM tag_subscribers WHERE follow_id_hash = ?",
                TagSubscriberStore::map, Hashes.sha256Hex(followId.toString()));
    }

    public void delete(Connection connection, long id) throws SQLException {
        Jdbc.update(connection, "DELETE FROM tag_subscribers WHERE id = ?", id);
    }

    public List<TagSubscriber> byName(Connection connection, String name) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM tag_subscribers WHERE name = ? ORDER BY id",
                TagSubscriberStore::map, name);
    }

    /** The distinct inboxes of the nodes subscribed to any of the tags. */
    public Set<URI> inboxesFor(Connection connection, Collection<String> names) throws SQLException {
        Set<URI> inboxes = new LinkedHashSet<>();
        for (String name : names) {
            byName(connection, name).forEach(subscriber -> inboxes.add(subscriber.inbox()));
        }
        return inboxes;
    }

    private static TagSubscriber map(ResultSet row) throws SQLException {
        return new TagSubscriber(row.getLong("id"), row.getString("name"), Jdbc.uri(row, "subscriber_uri"),
                Jdbc.uri(row, "inbox"), Jdbc.uri(row, "follow_id"));
    }
}
