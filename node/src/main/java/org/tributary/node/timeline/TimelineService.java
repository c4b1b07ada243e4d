package org.tributary.node.timeline;

import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.store.Database;

/** Reads timelines. */
public final class TimelineService {
    private final Database database;
    private final HomeFeedStore feed;
    private final StatusVisibility visibility;

    public TimelineService(Database database, HomeFeedStore feed, StatusVisibility visibility) {
        this.database = database;
        this.feed = feed;
        this.visibility = visibility;
    }

    /**
     * The viewer's own posts, those of everyone they follow and those addressed to them, newest first, from
     * the stored feed ({@link HomeFeed} writes it). Every post is checked against {@link StatusVisibility}
     * too, so the timeline can never show more than the single-post endpoint would.
     */
    public List<Status> home(Account viewer, Page page) {
        return database.inTransaction(connection -> visibility.visible(connection, viewer,
                feed.page(connection, viewer.id(), page)));
    }
}
