package org.tributary.node.timeline;

import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.post.NodeTimelineStore;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.store.Database;

/**
 * The node-wide timelines, which Mastodon clients call public and local. On a closed network "public"
 * means the organization; "local" means this department.
 */
public final class NodeTimelines {
    /** Which posts a node-wide timeline shows. */
    public enum Scope { ORGANIZATION, DEPARTMENT, REMOTE }

    private final Database database;
    private final NodeTimelineStore statuses;
    private final StatusVisibility visibility;

    public NodeTimelines(Database database, NodeTimelineStore statuses, StatusVisibility visibility) {
        this.database = database;
        this.statuses = statuses;
        this.visibility = visibility;
    }

    /** One page, newest first; every post is also checked against the one visibility rule. */
    public List<Status> read(Account viewer, Scope scope, Page page) {
        return database.inTransaction(connection -> visibility.visible(connection, viewer, switch (scope) {
            case ORGANIZATION -> statuses.organization(connection, page);
            case DEPARTMENT -> viewer.isLocal() ? statuses.department(connection, page) : List.<Status>of();
            case REMOTE -> statuses.remoteOrganization(connection, page);
        }));
    }
}
