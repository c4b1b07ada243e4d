package org.tributary.node;

import java.time.Clock;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.api.AccountRelationsResource;
import org.tributary.node.api.BlocksResource;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.FavouritesResource;
import org.tributary.node.api.MutesResource;
import org.tributary.node.api.StatusInteractionsResource;
import org.tributary.node.auth.AuthService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.inbound.AnnounceHandler;
import org.tributary.node.inbound.BlockHandler;
import org.tributary.node.inbound.InboundHandlers;
import org.tributary.node.inbound.LikeHandler;
import org.tributary.node.inbound.RecordedActivities;
import org.tributary.node.inbound.UndoBlockHandler;
import org.tributary.node.inbound.UndoFollowHandler;
import org.tributary.node.inbound.UndoInteractionHandler;
import org.tributary.node.inbound.UndoRouter;
import org.tributary.node.inbound.UndoTagFollowHandler;
import org.tributary.node.interaction.CountReports;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionService;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.outbound.BlockActivities;
import org.tributary.node.outbound.CountedNotes;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.outbound.InteractionActivities;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusViews;
import org.tributary.node.relationship.BlockService;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.relationship.FollowerService;
import org.tributary.node.relationship.MuteService;
import org.tributary.node.relationship.MuteStore;
import org.tributary.node.relationship.RelationshipService;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.thread.AncestorFetcher;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.HomeFeedStore;
import org.tributary.node.timeline.HomeTimeline;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Likes, boosts, blocks, mutes and follower management, wired once for {@link NodeAssembly}
 * (spec/interactions.md). Its stores are made first, as {@link Stores}, because the read rule, follows
 * and incoming posts consult them; the services need the posting core and are built after it.
 */
final class SocialWiring {
    /** The rows of the social features, needed before the services that are built on the posting core. */
    record Stores(InteractionStore interactions, BlockStore blocks, MuteStore mutes) {
        Stores() {
            this(new InteractionStore(), new BlockStore(), new MuteStore());
        }
    }

    private final Database database;
    private final Stores stores;
    private final StatusStore statusStore;
    private final AccountStore accountStore;
    private final FollowStore followStore;
    private final HomeFeed homeFeed;
    private final StatusVisibility visibility;
    private final NotificationService notifications;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final HomeTimeline homeTimeline;
    private final CountedNotes countedNotes;
    private final CountReports countReports;
    private final InteractionService interactions;
    private final BlockService blocks;
    private final MuteService mutes;
    private final FollowerService followers;
    private final RelationshipService relationships;

    SocialWiring(Stores stores, Database database, StatusStore statusStore, AccountStore accountStore,
            FollowStore followStore, HomeFeedStore homeFeedStore, HomeFeed homeFeed, StatusVisibility visibility,
            StatusViews views, PostDelivery postDelivery, NoteActivities noteActivities,
            FollowActivities followActivities, NotificationService notifications, Outbox outbox, VocabCodec codec,
            LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.stores = stores;
        this.statusStore = statusStore;
        this.accountStore = accountStore;
        this.followStore = followStore;
        this.homeFeed = homeFeed;
        this.visibility = visibility;
        this.notifications = notifications;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
        this.homeTimeline = new HomeTimeline(database, homeFeedStore, statusStore, stores.interactions(),
                accountStore, stores.mutes(), visibility);
        this.countedNotes = new CountedNotes(noteActivities, codec);
        this.countReports = new CountReports(stores.interactions(), accountStore, views, postDelivery, countedNotes,
                uris, ids, clock);
        this.interactions = new InteractionService(database, stores.interactions(), statusStore, accountStore,
                followStore, visibility, notifications, new InteractionActivities(codec), countReports, outbox, uris,
                ids, clock);
        this.blocks = new BlockService(database, stores.blocks(), followStore, homeFeed, accountStore,
                new BlockActivities(codec), outbox, uris, ids, clock);
        this.mutes = new MuteService(database, stores.mutes(), accountStore, ids, clock);
        this.followers = new FollowerService(database, followStore, followActivities, outbox, uris, ids, clock);
        this.relationships = new RelationshipService(database, followStore, stores.blocks(), stores.mutes());
    }

    HomeTimeline homeTimeline() {
        return homeTimeline;
    }

    /** Notes with their like and boost counts, as the outbox serves them. */
    CountedNotes countedNotes() {
        return countedNotes;
    }

    InteractionService interactions() {
        return interactions;
    }

    FollowerService followers() {
        return followers;
    }

    RelationshipService relationships() {
        return relationships;
    }

    /**
     * Like, Announce and Block, and the one Undo router: an undone Follow goes to the unfollow of a
     * person, else to the end of a peer's tag subscription; Like, Announce and Block to their own undo.
     */
    InboundHandlers.Social inboundHandlers(RemoteAccountService remoteAccounts, AncestorFetcher ancestors,
            UndoTagFollowHandler undoTagFollow, TagSubscriberStore tagSubscribers) {
        UndoRouter undo = new UndoRouter(Map.of(
                "Follow", UndoRouter.follows(new UndoFollowHandler(database, accountStore, followStore, codec),
                        undoTagFollow),
                "Like", new UndoInteractionHandler(InteractionKind.FAVOURITE, database, stores.interactions(),
                        statusStore, accountStore, countReports, codec),
                "Announce", new UndoInteractionHandler(InteractionKind.REBLOG, database, stores.interactions(),
                        statusStore, accountStore, countReports, codec),
                "Block", new UndoBlockHandler(database, accountStore, stores.blocks(), codec)),
                new RecordedActivities(database, followStore, stores.interactions(), stores.blocks(),
                        tagSubscribers)::typeOf, codec);
        return new InboundHandlers.Social(undo,
                new LikeHandler(database, statusStore, stores.interactions(), remoteAccounts, visibility,
                        notifications, countReports, codec, uris, ids, clock),
                new AnnounceHandler(database, statusStore, stores.interactions(), followStore, remoteAccounts,
                        ancestors, visibility, notifications, countReports, codec, uris, ids, clock),
                new BlockHandler(database, accountStore, followStore, stores.blocks(), homeFeed, remoteAccounts,
                        codec, ids, clock));
    }

    /** Registers the favourite/boost, favourites, relationship, blocks and mutes APIs. */
    ResourceConfig register(ResourceConfig application, AuthService auth, AccountService accounts,
            StatusViews views, ClientModels models) {
        return application
                .register(new StatusInteractionsResource(auth, interactions, views, models))
                .register(new FavouritesResource(auth, interactions, models))
                .register(new AccountRelationsResource(auth, accounts, blocks, mutes, followers, models))
                .register(new BlocksResource(auth, blocks, models))
                .register(new MutesResource(auth, mutes, models));
    }
}
