package org.tributary.node.timeline;

import java.util.ArrayList;
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
    private final StatusVisibility visibility;

    public TimelineService(Database database, StatusStore statuses, StatusVisibility visibility) {
        this.database = database;
        this.statuses = statuses;
        this.visibility = visibility;
    }

    /**
     * The viewer's own posts, those of everyone they follow and those addressed to them, newest first.
     * The query selects by those rules; every post is then checked against {@link StatusVisibility} as
     * well, so the timeline can never show more than the single-post endpoint would.
     */
    public List<Status> home(Account viewer, Page page) {
        return database.inTransaction(connection -> {
            List<Status> visible = new ArrayList<>();
            for (Status status : statuses.home(connection, viewer.id(), page)) {
                if (visibility.canSee(connection, viewer, status)) {
                    visible.add(status);
                }
            }
            return visible;
        });
    }
}
