package org.tributary.node.inbound;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.interaction.CountReports;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.thread.AncestorFetcher;
import org.tributary.node.timeline.StatusVisibility;

/**
 * A colleague on another node boosts a post. Guards: the post is an organization post (nothing else
 * may be boosted) that the booster may read (no block either way); the boost is new. A boost of one of
 * our posts is counted, notified ("reblog") and reported to the post's holders. A boost of another
 * node's post matters only when someone here follows the booster: the post is fetched from its node
 * if we do not have it, and the boost goes into the followers' home timelines.
 */
public final class AnnounceHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final InteractionStore interactions;
    private final FollowStore follows;
    private final RemoteAccountService remoteAccounts;
    private final AncestorFetcher fetcher;
    private final StatusVisibility visibility;
    private final NotificationService notifications;
    private final CountReports reports;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public AnnounceHandler(Database database, StatusStore statuses, InteractionStore interactions, FollowStore follows,
            RemoteAccountService remoteAccounts, AncestorFetcher fetcher, StatusVisibility visibility,
            NotificationService notifications, CountReports reports, VocabCodec codec, LocalUris uris,
            IdGenerator ids, Clock clock) {
        this.database = database;
        this.statuses = statuses;
        this.interactions = interactions;
        this.follows = follows;
        this.remoteAccounts = remoteAccounts;
        this.fetcher = fetcher;
        this.visibility = visibility;
        this.notifications = notifications;
        this.reports = reports;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity announce = codec.readActivity(inbound.json());
        URI objectId = announce.objectId();
        if (objectId == null) {
            return new HandlerResult.Ignored("Announce without an object");
        }
        Account booster = remoteAccounts.byUri(announce.actor());
        boolean local = uris.isLocal(objectId);
        if (!local) {
            if (!follows.hasFollowers(booster.id())) {
                return new HandlerResult.Ignored("nobody here follows the booster");
            }
            // Network: outside any transaction. Does nothing when the post is known already.
            fetcher.fetchMissing(objectId);
        }
        return database.inTransaction(connection -> {
            Optional<Status> status = statuses.findByUri(connection, objectId).filter(found -> found.local() == local);
            if (status.isEmpty()) {
                return new HandlerResult.Ignored("post unavailable: " + objectId);
            }
            return apply(connection, announce, booster, status.get());
        });
    }

    private HandlerResult apply(Connection connection, Activity announce, Account booster, Status status)
            throws SQLException {
        if (status.visibility() != Visibility.ORGANIZATION) {
            return new HandlerResult.Ignored("only organization posts may be boosted");
        }
        if (!visibility.canSee(connection, booster, status)) {
            return new HandlerResult.Ignored("the booster may not read the post (or is blocked)");
        }
        Interaction boost = new Interaction(ids.next(), InteractionKind.REBLOG, booster.id(), status.id(),
                announce.id(), clock.instant());
        if (!interactions.insertIfAbsent(connection, boost)) {
            return new HandlerResult.Ignored("already boosted");
        }
        if (status.local()) {
            notifications.notify(connection, status.accountId(), NotificationType.REBLOG, booster.id(), status.id());
            reports.report(connection, status, List.of());
        }
        return HandlerResult.applied();
    }
}
