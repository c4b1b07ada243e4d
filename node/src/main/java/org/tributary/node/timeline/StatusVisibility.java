package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;

/**
 * The one rule for who may read a post, for an employee of this node (client API) and for an actor on
 * a peer (signed ActivityPub GETs) alike:
 * <ul>
 *   <li>the author always;</li>
 *   <li>organization: everyone (only employees and allowlisted peers ever ask);</li>
 *   <li>department: employees of this node, and only for posts written here;</li>
 *   <li>followers: the author's accepted followers and the accounts the post addresses by name;</li>
 *   <li>direct: only the accounts it addresses by name;</li>
 *   <li>and never, whatever the level, an account the author blocks, or one that blocks the author
 *       (a block received from a peer is kept, so its employee no longer sees the blocker's posts).</li>
 * </ul>
 */
public final class StatusVisibility {
    private final Database database;
    private final FollowStore follows;
    private final StatusRecipientStore recipients;
    private final BlockStore blocks;

    public StatusVisibility(Database database, FollowStore follows, StatusRecipientStore recipients) {
        this(database, follows, recipients, new BlockStore());
    }

    public StatusVisibility(Database database, FollowStore follows, StatusRecipientStore recipients,
            BlockStore blocks) {
        this.database = database;
        this.follows = follows;
        this.recipients = recipients;
        this.blocks = blocks;
    }

    public boolean canSee(Account viewer, Status status) {
        return database.inTransaction(connection -> canSee(connection, viewer, status));
    }

    public boolean canSee(Connection connection, Account viewer, Status status) throws SQLException {
        if (status.accountId() == viewer.id()) {
            return true;
        }
        if (blocks.eitherBlocks(connection, status.accountId(), viewer.id())) {
            return false;
        }
        return byLevel(connection, viewer, status);
    }

    /**
     * The posts among {@code statuses} the viewer may read, in their order: the same rule as
     * {@link #canSee(Connection, Account, Status)}, with the viewer's blocks read once for all of them.
     */
    public List<Status> visible(Connection connection, Account viewer, List<Status> statuses) throws SQLException {
        Set<Long> blocked = statuses.stream().allMatch(status -> status.accountId() == viewer.id()) ? Set.of()
                : blocks.eitherWay(connection, viewer.id());
        List<Status> visible = new ArrayList<>();
        for (Status status : statuses) {
            if (status.accountId() == viewer.id()
                    || !blocked.contains(status.accountId()) && byLevel(connection, viewer, status)) {
                visible.add(status);
            }
        }
        return visible;
    }

    /** The rule by visibility level, for a reader who is not the author and not in a block with them. */
    private boolean byLevel(Connection connection, Account viewer, Status status) throws SQLException {
        return switch (status.visibility()) {
            case ORGANIZATION -> true;
            case DEPARTMENT -> viewer.isLocal() && status.local();
            case FOLLOWERS -> recipients.isRecipient(connection, status.id(), viewer.id())
                    || follows.find(connection, viewer.id(), status.accountId())
                            .filter(follow -> follow.state() == FollowState.ACCEPTED).isPresent();
            case DIRECT -> recipients.isRecipient(connection, status.id(), viewer.id());
        };
    }
}
