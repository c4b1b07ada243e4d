package org.tributary.node.hashtag;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.http.ApiException;
import org.tributary.node.outbound.TagFollowActivities;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.StoreException;

/**
 * Keeps this node's subscriptions to peers' tag collections in line with what employees follow: while
 * anyone here follows {@code #tag}, the instance actor follows {@code <peer>/tags/<tag>} on every
 * Tributary peer; when the last follower stops, it sends {@code Undo(Follow)} to each of them.
 *
 * <p>Asking a peer's NodeInfo and resolving its instance actor are network calls, so reconciling runs
 * on its own executor, after the employee's follow has been committed. One thread reconciles, so two
 * follows of the same tag cannot both subscribe.
 */
public final class PeerTagSubscriptions {
    private static final Logger LOG = Logger.getLogger(PeerTagSubscriptions.class.getName());

    private final Database database;
    private final TagFollowStore tagFollows;
    private final TagPeerSubscriptionStore subscriptions;
    private final AccountStore accounts;
    private final RemoteAccountService remoteAccounts;
    private final TributaryPeers tributaryPeers;
    private final TagFollowActivities activities;
    private final Outbox outbox;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final Executor executor;

    public PeerTagSubscriptions(Database database, TagFollowStore tagFollows, TagPeerSubscriptionStore subscriptions,
            AccountStore accounts, RemoteAccountService remoteAccounts, TributaryPeers tributaryPeers,
            TagFollowActivities activities, Outbox outbox, LocalUris uris, IdGenerator ids, Clock clock,
            Executor executor) {
        this.database = database;
        this.tagFollows = tagFollows;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        this.tributaryPeers = tributaryPeers;
        this.activities = activities;
        this.outbox = outbox;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
        this.executor = executor;
    }

    /** Reconciles the tag's subscriptions soon, on the subscription executor. */
    public void reconcileLater(String name) {
        executor.execute(() -> {
            try {
                reconcile(name);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not reconcile the subscriptions of #" + name, e);
            }
        });
    }

    /** Subscribes to every Tributary peer not yet subscribed while the tag has followers; else unsubscribes. */
    public void reconcile(String name) {
        boolean followed = database.inTransaction(connection -> tagFollows.followerCount(connection, name) > 0);
        if (followed) {
            for (String peer : tributaryPeers.list()) {
                subscribe(name, peer);
            }
        } else {
            database.inTransactionVoid(connection -> {
                for (TagPeerSubscription subscription : subscriptions.byName(connection, name)) {
                    unsubscribe(connection, subscription);
                }
            });
        }
    }

    /** The peers this node has asked for the tag, and whether each accepted. */
    public List<TagPeerSubscription> of(String name) {
        return database.inTransaction(connection -> subscriptions.byName(connection, name));
    }

    private void subscribe(String name, String peer) {
        boolean known = database.inTransaction(connection -> subscriptions.find(connection, name, peer).isPresent());
        if (known) {
            return;
        }
        Account peerActor;
        try {
            peerActor = remoteAccounts.byUri(uris.peerInstanceActor(peer));
        } catch (ApiException e) {
            LOG.warning("cannot subscribe to #" + name + " on " + peer + ": " + e.getMessage());
            return;
        }
        database.inTransactionVoid(connection -> {
            if (subscriptions.find(connection, name, peer).isPresent()) {
                return;
            }
            Account self = instanceActor(connection);
            long id = ids.next();
            Instant now = clock.instant();
            URI collection = uris.peerTag(peer, name);
            Activity follow = activities.follow(uris.activity(LocalUris.INSTANCE_ACTOR_USERNAME, "tag-follows", id),
                    self.uri(), collection, peerActor.uri(), now);
            subscriptions.insert(connection, new TagPeerSubscription(id, name, peer, collection, follow.id(), false),
                    now);
            outbox.send(connection, follow, self, List.of(peerActor));
        });
    }

    private void unsubscribe(Connection connection, TagPeerSubscription subscription) throws SQLException {
        Account self = instanceActor(connection);
        Optional<Account> peerActor = accounts.findByUri(connection, uris.peerInstanceActor(subscription.peer()));
        if (peerActor.isPresent()) {
            Instant now = clock.instant();
            Activity follow = activities.follow(subscription.followId(), self.uri(), subscription.collection(),
                    peerActor.get().uri(), now);
            Activity undo = activities.undo(uris.activity(LocalUris.INSTANCE_ACTOR_USERNAME, "undos", ids.next()),
                    follow, peerActor.get().uri(), now);
            outbox.send(connection, undo, self, List.of(peerActor.get()));
        }
        subscriptions.delete(connection, subscription.id());
    }

    private Account instanceActor(Connection connection) throws SQLException {
        return accounts.findLocal(connection, LocalUris.INSTANCE_ACTOR_USERNAME)
                .orElseThrow(() -> new StoreException(new SQLException("the instance actor is missing")));
    }
}
