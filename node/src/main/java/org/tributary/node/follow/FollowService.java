package org.tributary.node.follow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * Following, from the follower's side: follow and unfollow a colleague on this node or another one.
 * A local target is followed at once (or pending when locked); a remote one stays pending until its
 * node sends Accept. Nobody can follow across a block, in either direction.
 */
public final class FollowService {
    private final HomeFeed homeFeed;
    private final Database database;
    private final FollowStore follows;
    private final AccountStore accounts;
    private final FollowActivities activities;
    private final Outbox outbox;
    private final NotificationService notifications;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final BlockStore blocks;

    public FollowService(Database database, FollowStore follows, AccountStore accounts, FollowActivities activities,
            Outbox outbox, NotificationService notifications, HomeFeed homeFeed, LocalUris uris, IdGenerator ids,
            Clock clock, BlockStore blocks) {
        this.blocks = blocks;
        this.homeFeed = homeFeed;
        this.database = database;
        this.follows = follows;
        this.accounts = accounts;
        this.activities = activities;
        this.outbox = outbox;
        this.notifications = notifications;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    public Follow follow(Account follower, Account target) {
        if (follower.id() == target.id()) {
            throw ApiException.badRequest("self_follow", "you cannot follow yourself");
        }
        return database.inTransaction(connection -> {
            if (blocks.eitherBlocks(connection, follower.id(), target.id())) {
                throw ApiException.forbidden("blocked", "a block stands between you and this account");
            }
            Optional<Follow> existing = follows.find(connection, follower.id(), target.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            long id = ids.next();
            Instant now = clock.instant();
            java.net.URI activityUri = uris.activity(follower.username(), "follows", id);
            FollowState state = target.isLocal() && !target.locked() ? FollowState.ACCEPTED : FollowState.PENDING;
            Follow follow = new Follow(id, follower.id(), target.id(), activityUri, state, now);
            follows.insert(connection, follow);
            if (target.isLocal()) {
                // A colleague on a peer node is notified by their own node, when our Follow arrives.
                notifications.notify(connection, target.id(), state == FollowState.ACCEPTED ? NotificationType.FOLLOW
                        : NotificationType.FOLLOW_REQUEST, follower.id(), null);
            } else {
                outbox.send(connection, activities.follow(activityUri, follower.uri(), target.uri(), now), follower,
                        List.of(target));
            }
            return follow;
        });
    }

    public void unfollow(Account follower, Account target) {
        database.inTransactionVoid(connection -> {
            Optional<Follow> existing = follows.find(connection, follower.id(), target.id());
            if (existing.isEmpty()) {
                return;
            }
            follows.delete(connection, follower.id(), target.id());
            homeFeed.forgetAuthor(connection, follower.id(), target.id());
            if (!target.isLocal()) {
                Follow follow = existing.get();
                Activity original = activities.follow(follow.activityUri(), follower.uri(), target.uri(),
                        follow.createdAt());
                Activity undo = activities.undo(uris.activity(follower.username(), "undos", ids.next()), original,
                        clock.instant());
                outbox.send(connection, undo, follower, List.of(target));
            }
        });
    }

    public Optional<Follow> relation(Account follower, Account target) {
        return database.inTransaction(connection -> follows.find(connection, follower.id(), target.id()));
    }

    /** Follower and following counts, counted by the store rather than by loading every account. */
    public record Counts(long followers, long following) {
    }

    /** The counts of each of these accounts, by account id, read with one query whatever their number. */
    public Map<Long, Counts> counts(Connection connection, Collection<Long> accountIds) throws SQLException {
        return follows.counts(connection, accountIds);
    }

    /** Accepted followers of an account. */
    public List<Account> followers(Account account) {
        return database.inTransaction(connection -> {
            List<Account> result = new java.util.ArrayList<>();
            for (long id : follows.followerIds(connection, account.id())) {
                accounts.findById(connection, id).ifPresent(result::add);
            }
            return result;
        });
    }

    /** Accounts an account follows (accepted). */
    public List<Account> following(Account account) {
        return database.inTransaction(connection -> {
            List<Account> result = new java.util.ArrayList<>();
            for (long id : follows.followingIds(connection, account.id())) {
                accounts.findById(connection, id).ifPresent(result::add);
            }
            return result;
        });
    }
}
