package org.tributary.node.inbound;

import java.net.URI;
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
import org.tributary.node.interaction.CountReports;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.StatusVisibility;

/**
 * A colleague on another node likes one of our posts. Guards: the object is a live post written here;
 * the actor may read it (which also fails when either blocks the other); not liked already. Then the
 * like is counted, the author notified ("favourite") and the new counts reported to the post's holders.
 * Likes of posts from other nodes are counted by those nodes, so they are ignored here.
 */
public final class LikeHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final InteractionStore interactions;
    private final RemoteAccountService remoteAccounts;
    private final StatusVisibility visibility;
    private final NotificationService notifications;
    private final CountReports reports;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public LikeHandler(Database database, StatusStore statuses, InteractionStore interactions,
            RemoteAccountService remoteAccounts, StatusVisibility visibility, NotificationService notifications,
            CountReports reports, VocabCodec codec, LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.statuses = statuses;
        this.interactions = interactions;
        this.remoteAccounts = remoteAccounts;
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
        Activity like = codec.readActivity(inbound.json());
        URI objectId = like.objectId();
        if (objectId == null || !uris.isLocal(objectId)) {
            return new HandlerResult.Ignored("only likes of this node's posts are counted here");
        }
        Account liker = remoteAccounts.byUri(like.actor());
        return database.inTransaction(connection -> {
            Optional<Status> status = statuses.findByUri(connection, objectId).filter(Status::local);
            if (status.isEmpty()) {
                return new HandlerResult.Ignored("no post here with id " + objectId);
            }
            if (!visibility.canSee(connection, liker, status.get())) {
                return new HandlerResult.Ignored("the actor may not read the post (or is blocked)");
            }
            Interaction interaction = new Interaction(ids.next(), InteractionKind.FAVOURITE, liker.id(),
                    status.get().id(), like.id(), clock.instant());
            if (!interactions.insertIfAbsent(connection, interaction)) {
                return new HandlerResult.Ignored("already liked");
            }
            notifications.notify(connection, status.get().accountId(), NotificationType.FAVOURITE, liker.id(),
                    status.get().id());
            reports.report(connection, status.get(), List.of());
            return HandlerResult.applied();
        });
    }
}
