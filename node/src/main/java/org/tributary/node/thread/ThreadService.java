package org.tributary.node.thread;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.StatusVisibility;

/**
 * A post's conversation as the viewer may see it (Mastodon's context): ancestors oldest first, and
 * descendants depth-first in reply order. Posts the viewer may not read are left out; the walk goes on
 * past them, since their visible replies are the viewer's to see.
 */
public final class ThreadService {
    static final int MAX_ANCESTORS = 40;
    static final int MAX_DESCENDANTS = 60;

    /** The posts around one post. */
    public record Context(List<Status> ancestors, List<Status> descendants) {
    }

    private final Database database;
    private final StatusStore statuses;
    private final StatusVisibility visibility;

    public ThreadService(Database database, StatusStore statuses, StatusVisibility visibility) {
        this.database = database;
        this.statuses = statuses;
        this.visibility = visibility;
    }

    public Context context(Account viewer, Status status) {
        return database.inTransaction(connection -> new Context(ancestors(connection, viewer, status),
                descendants(connection, viewer, status)));
    }

    private List<Status> ancestors(Connection connection, Account viewer, Status status) throws SQLException {
        List<Status> found = new ArrayList<>();
        Set<URI> seen = new HashSet<>(List.of(status.uri()));
        URI parent = status.inReplyTo();
        while (parent != null && seen.add(parent) && seen.size() <= MAX_ANCESTORS) {
            Optional<Status> ancestor = statuses.findByUri(connection, parent);
            if (ancestor.isEmpty()) {
                break;
            }
            found.add(ancestor.get());
            parent = ancestor.get().inReplyTo();
        }
        Collections.reverse(found);
        // The walk goes on through posts the viewer may not read; only those they may read are shown.
        return visibility.visible(connection, viewer, found);
    }

    private List<Status> descendants(Connection connection, Account viewer, Status status) throws SQLException {
        List<Status> found = new ArrayList<>();
        Set<URI> seen = new HashSet<>(List.of(status.uri()));
        Deque<Status> pending = new ArrayDeque<>(statuses.replies(connection, status.uri()));
        int visited = 0;
        while (!pending.isEmpty() && visited < MAX_DESCENDANTS) {
            Status reply = pending.pollFirst();
            if (!seen.add(reply.uri())) {
                continue;
            }
            visited++;
            found.add(reply);
            List<Status> children = statuses.replies(connection, reply.uri());
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.addFirst(children.get(i));
            }
        }
        return visibility.visible(connection, viewer, found);
    }
}
