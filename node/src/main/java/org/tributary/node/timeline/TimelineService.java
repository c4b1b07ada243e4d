package org.tributary.node.timeline;

import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;

/** Reads timelines. */
public final class TimelineService {
    private final Database database;
    private final StatusStore statuses;

    public TimelineService(Database database, StatusStore statuses) {
        this.database = database;
        this.statuses = statuses;
    }

    /** The viewer's own posts and those of everyone they follow, newest first. */
    public List<Status> home(Account viewer, Page page) {
        return database.inTransaction(connection -> statuses.home(connection, viewer.id(), page));
    }
}
