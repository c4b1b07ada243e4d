package org.tributary.node.hashtag;

import java.util.List;
import org.tributary.node.store.Database;

/** Reads which peer nodes subscribe to this node's tag collections (for admins and tests). */
public final class TagSubscribers {
    private final Database database;
    private final TagSubscriberStore store;

    public TagSubscribers(Database database, TagSubscriberStore store) {
        this.database = database;
        this.store = store;
    }

    public List<TagSubscriber> of(String name) {
        return database.inTransaction(connection -> store.byName(connection, name));
    }
}
