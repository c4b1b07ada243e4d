package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.Visibility;
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
        return !visible(connection, viewer, List.of(status)).isEmpty();
    }

    /** The posts of {@code statuses} that {@code viewer} may read, in their order. */
    public List<Status> visible(Account viewer, List<Status> statuses) {
        return database.inTransaction(connection -> visible(connection, viewer, statuses));
    }

    /**
     * The posts of {@code statuses} that {@code viewer} may read, in their order. The facts the rule needs
     * are read for the whole list at once, each only when some post needs it: the blocks between the viewer
     * and anyone, which of the posts name the viewer, which of their authors the viewer follows.
     */
    public List<Status> visible(Connection connection, Account viewer, List<Status> statuses) throws SQLException {
        List<Status> others = statuses.stream().filter(status -> status.accountId() != viewer.id()).toList();
        if (others.isEmpty()) {
            return statuses;
        }
        Set<Long> blocked = blocks.eitherWay(connection, viewer.id());
        List<Status> addressedOnly = others.stream().filter(status -> !blocked.contains(status.accountId())
                && (status.visibility() == Visibility.FOLLOWERS || status.visibility() == Visibility.DIRECT)).toList();
        Set<Long> naming = addressedOnly.isEmpty() ? Set.of()
                : recipients.addressing(connection, viewer.id(), addressedOnly.stream().map(Status::id).toList());
        List<Long> followersOnlyAuthors = addressedOnly.stream()
                .filter(status -> status.visibility() == Visibility.FOLLOWERS && !naming.contains(status.id()))
                .map(Status::accountId).toList();
        Set<Long> followed = followersOnlyAuthors.isEmpty() ? Set.of()
                : follows.followedAmong(connection, viewer.id(), followersOnlyAuthors);
        List<Status> visible = new ArrayList<>(statuses.size());
        for (Status status : statuses) {
            if (readable(viewer, status, blocked, naming, followed)) {
                visible.add(status);
            }
        }
        return visible;
    }

    /** The rule above, given the blocks involving the viewer, the posts naming them and the authors they follow. */
    private static boolean readable(Account viewer, Status status, Set<Long> blocked, Set<Long> naming,
            Set<Long> followed) {
        if (status.accountId() == viewer.id()) {
            return true;
        }
        if (blocked.contains(status.accountId())) {
            return false;
        }
        return switch (status.visibility()) {
            case ORGANIZATION -> true;
            case DEPARTMENT -> viewer.isLocal() && status.local();
            case FOLLOWERS -> naming.contains(status.id()) || followed.contains(status.accountId());
            case DIRECT -> naming.contains(status.id());
        };
    }
}
