package org.tributary.node.follow;

import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.post.Page;
import org.tributary.node.store.Database;

/**
 * Paged lists of follow relations for the client API: followers, following and incoming follow
 * requests. Pages are keyed by the follow's id, so each entry carries it for the paging links.
 */
public final class FollowLists {
    /** One entry of a list: the other account and the follow it comes from. */
    public record Entry(long followId, Account account) {
    }

    private final Database database;
    private final FollowStore follows;
    private final AccountStore accounts;

    public FollowLists(Database database, FollowStore follows, AccountStore accounts) {
        this.database = database;
        this.follows = follows;
        this.accounts = accounts;
    }

    /** Accounts following {@code account} (accepted follows). */
    public List<Entry> followers(Account account, Page page) {
        return database.inTransaction(connection -> {
            List<Entry> entries = new ArrayList<>();
            for (Follow follow : follows.toTarget(connection, account.id(), FollowState.ACCEPTED, page)) {
                accounts.findById(connection, follow.followerId())
                        .ifPresent(follower -> entries.add(new Entry(follow.id(), follower)));
            }
            return entries;
        });
    }

    /** Accounts {@code account} follows (accepted follows). */
    public List<Entry> following(Account account, Page page) {
        return database.inTransaction(connection -> {
            List<Entry> entries = new ArrayList<>();
            for (Follow follow : follows.fromFollower(connection, account.id(), page)) {
                accounts.findById(connection, follow.targetId())
                        .ifPresent(target -> entries.add(new Entry(follow.id(), target)));
            }
            return entries;
        });
    }

    /** Accounts asking to follow {@code account} and waiting for an answer. */
    public List<Entry> requests(Account account, Page page) {
        return database.inTransaction(connection -> {
            List<Entry> entries = new ArrayList<>();
            for (Follow follow : follows.toTarget(connection, account.id(), FollowState.PENDING, page)) {
                accounts.findById(connection, follow.followerId())
                        .ifPresent(follower -> entries.add(new Entry(follow.id(), follower)));
            }
            return entries;
        });
    }
}
