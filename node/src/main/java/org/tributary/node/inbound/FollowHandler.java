package org.tributary.node.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * A colleague on another node follows one of ours. Guards: the object is one of our employees; then
 * the follow is recorded (pending when the account is locked) and, when accepted, answered with Accept.
 * A repeated Follow is answered again, because the first Accept may have been lost; only the first one
 * notifies the followed employee ("follow", or "follow_request" when the account is locked). A follow
 * between accounts where either blocks the other is answered with Reject and not recorded.
 */
public final class FollowHandler implements ActivityHandler {
    private final Database database;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final RemoteAccountService remoteAccounts;
    private final FollowActivities activities;
    private final Outbox outbox;
    private final NotificationService notifications;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final BlockStore blocks;

    public FollowHandler(Database database, AccountStore accounts, FollowStore follows,
            RemoteAccountService remoteAccounts, FollowActivities activities, Outbox outbox,
            NotificationService notifications, VocabCodec codec, LocalUris uris, IdGenerator ids, Clock clock) {
        this(database, accounts, follows, remoteAccounts, activities, outbox, notifications, codec, uris, ids, clock,
                new BlockStore());
    }

    public FollowHandler(Database database, AccountStore accounts, FollowStore follows,
            RemoteAccountService remoteAccounts, FollowActivities activities, Outbox outbox,
            NotificationService notifications, VocabCodec codec, LocalUris uris, IdGenerator ids, Clock clock,
            BlockStore blocks) {
        this.blocks = blocks;
        this.database = database;
        this.accounts = accounts;
        this.follows = follows;
        this.remoteAccounts = remoteAccounts;
        this.activities = activities;
        this.outbox = outbox;
        this.notifications = notifications;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity follow = codec.readActivity(inbound.json());
        Optional<Account> target = database.inTransaction(connection -> accounts.findByUri(connection,
                follow.object().id())).filter(Account::isLocal)
                .filter(account -> !account.isInstanceActor());
        if (target.isEmpty()) {
            return new HandlerResult.Ignored("the followed actor is not an employee of this node");
        }
        Account follower = remoteAccounts.byUri(follow.actor());
        Account followed = target.get();
        return database.inTransaction(connection -> {
            Instant now = clock.instant();
            if (blocks.eitherBlocks(connection, followed.id(), follower.id())) {
                Activity reject = activities.answer("Reject", uris.activity(followed.username(), "rejects",
                        ids.next()), follow, now);
                outbox.send(connection, reject, followed, List.of(follower));
                return new HandlerResult.Ignored("a block stands between the accounts");
            }
            Follow relation = follows.find(connection, follower.id(), followed.id()).orElseGet(() -> {
                Follow created = new Follow(ids.next(), follower.id(), followed.id(), follow.id(),
                        followed.locked() ? FollowState.PENDING : FollowState.ACCEPTED, now);
                try {
                    follows.insert(connection, created);
                    notifications.notify(connection, followed.id(), followed.locked()
                            ? NotificationType.FOLLOW_REQUEST : NotificationType.FOLLOW, follower.id(), null);
                } catch (java.sql.SQLException e) {
                    throw new org.tributary.node.store.StoreException(e);
                }
                return created;
            });
            if (relation.state() == FollowState.ACCEPTED) {
                Activity accept = activities.answer("Accept", uris.activity(followed.username(), "accepts", ids.next()),
                        follow, now);
                outbox.send(connection, accept, followed, List.of(follower));
            }
            return HandlerResult.applied();
        });
    }
}
