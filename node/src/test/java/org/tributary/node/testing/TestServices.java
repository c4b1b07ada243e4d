package org.tributary.node.testing;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountChanges;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.ProfileService;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.PlainTextFormatter;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.Role;
import org.tributary.node.audit.AuditTrail;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.auth.AuthService;
import org.tributary.node.auth.CredentialStore;
import org.tributary.node.auth.PasswordHasher;
import org.tributary.node.auth.TokenStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowService;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.inbox.InboxActivityStore;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.media.MediaFileStore;
import org.tributary.node.media.MediaInspector;
import org.tributary.node.media.MediaLimits;
import org.tributary.node.media.MediaService;
import org.tributary.node.media.MediaStore;
import org.tributary.node.media.MediaUrls;
import org.tributary.node.media.NoteAttachments;
import org.tributary.node.media.RemoteMediaReferences;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.peer.PeerService;
import org.tributary.node.peer.PeerStore;
import org.tributary.node.post.HandleResolver;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.StatusEvents;
import org.tributary.node.hashtag.TagFollowStore;
import org.tributary.node.hashtag.TagPeerSubscriptionStore;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.outbound.TagFollowActivities;
import org.tributary.node.post.StatusTextFormatter;
import org.tributary.node.post.StatusViews;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationStore;
import org.tributary.node.outbound.NoteTags;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.HomeFeedStore;
import org.tributary.node.timeline.StatusVisibility;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.SignatureSchemeMemory;
import org.tributary.federation.discovery.WebFingerClient;
import org.tributary.federation.fetch.FetchLimits;
import org.tributary.federation.fetch.SignedFetcher;
import org.tributary.federation.signature.HttpSignatures;
import java.net.http.HttpClient;
import org.tributary.node.post.PostService;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.timeline.TimelineService;

/**
 * The node's stores and services wired over a real in-memory Derby, without HTTP: the rig service
 * tests run against. The node is {@code https://finance.example}; passwords hash with cheap Argon2id
 * parameters so tests stay fast.
 */
public final class TestServices implements AutoCloseable {
    public static final URI BASE_URL = URI.create("https://finance.example");
    public static final String PASSWORD = "correct horse battery";

    public final Clock clock;
    public final TestDatabase store;
    public final Database database;
    public final IdGenerator ids;
    public final NodeConfig config;
    public final LocalUris uris;
    public final VocabCodec codec;
    public final AccountStore accountStore = new AccountStore();
    public final ActorKeyStore keyStore = new ActorKeyStore();
    public final CredentialStore credentials = new CredentialStore();
    public final TokenStore tokens = new TokenStore();
    public final FollowStore followStore;
    public final StatusStore statusStore = new StatusStore();
    public final MediaStore mediaStore = new MediaStore();
    public final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1024, 1, 1);
    public final PeerService peers;
    public final DeliveryStore deliveries;
    public final InboxActivityStore inbox;
    public final Outbox outbox;
    public final FollowActivities followActivities;
    public final NoteActivities noteActivities;
    public final AccountService accounts;
    public final AuthService auth;
    public final FollowService follows;
    public final PostService posts;
    public final TimelineService timelines;
    public final HomeFeedStore homeFeedStore = new HomeFeedStore();
    public final HomeFeed homeFeed = new HomeFeed(homeFeedStore);
    public final NotificationService notifications;
    public final StatusRecipientStore recipientStore = new StatusRecipientStore();
    public final StatusTagStore tagStore = new StatusTagStore();
    public final TagFollowStore tagFollowStore = new TagFollowStore();
    public final TagSubscriberStore tagSubscriberStore = new TagSubscriberStore();
    public final TagPeerSubscriptionStore tagPeerSubscriptionStore = new TagPeerSubscriptionStore();
    public final TagFollowActivities tagFollowActivities;
    public final StatusVisibility visibility;
    public final StatusViews statusViews;
    public final MediaService media;
    public final RemoteMediaReferences remoteMedia;
    public final AuditedFetcher fetcher;
    public final RemoteAccountService remoteAccounts;
    /** Profiles without federation or indexing: this rig delivers nothing and keeps no search index. */
    public final ProfileService profiles;
    public final org.tributary.node.interaction.InteractionStore interactionStore =
            new org.tributary.node.interaction.InteractionStore();
    public final org.tributary.node.relationship.BlockStore blockStore =
            new org.tributary.node.relationship.BlockStore();
    public final PostDelivery postDelivery;
    public final org.tributary.node.interaction.CountReports countReports;
    public final org.tributary.node.interaction.InteractionService interactions;
    public final org.tributary.node.relationship.RelationshipService relationships;

    public TestServices(Clock clock) {
        this.clock = clock;
        this.store = TestDatabase.migrated(clock);
        this.database = store.database();
        this.followStore = new FollowStore(database);
        this.ids = new IdGenerator(clock);
        this.config = new NodeConfig(BASE_URL, "127.0.0.1", 443, Path.of("target", "unit"), "finance", 64 * 1024,
                Duration.ofHours(1), Duration.ofMinutes(5));
        this.uris = new LocalUris(config);
        this.codec = new VocabCodec(uris.context());
        this.peers = new PeerService(database, new PeerStore(), clock, AuditTrail.discarding());
        this.deliveries = new DeliveryStore(database, ids, clock);
        this.inbox = new InboxActivityStore(database, ids, clock);
        this.outbox = new Outbox(deliveries, new DeliveryPlanner(peers, clock), codec, uris, database, () -> { });
        this.followActivities = new FollowActivities(codec);
        this.noteActivities = new NoteActivities(codec);
        this.tagFollowActivities = new TagFollowActivities(codec);
        // The compliance log has its own tests over a whole node; this rig's services record into nothing.
        this.accounts = new AccountService(database, accountStore, keyStore, credentials, hasher, uris, ids, clock,
                AuditTrail.discarding(), AccountChanges.ignoring());
        this.auth = new AuthService(database, accountStore, credentials, tokens, hasher, new SecureRandom(), clock);
        // Remote look-ups go nowhere in unit tests (no peer answers), but the services need the real parts.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
        this.fetcher = new AuditedFetcher(new SignedFetcher(new DoubleKnockSender(http, signatures,
                new SignatureSchemeMemory(), Duration.ofSeconds(1)), new LocalSigningKeys(database, keyStore), peers,
                FetchLimits.defaults()), AuditTrail.discarding(), clock);
        this.remoteAccounts = new RemoteAccountService(database, accountStore, keyStore, fetcher,
                new WebFingerClient(http, peers, "https"), codec, uris, ids, clock, new ProfileStore(),
                AccountChanges.ignoring());
        this.profiles = new ProfileService(database, accountStore, new ProfileStore(), new PlainTextFormatter(),
                (connection, employee, profile) -> { }, AccountChanges.ignoring(), clock);
        this.notifications = new NotificationService(database, new NotificationStore(), accountStore, ids, clock);
        this.follows = new FollowService(database, followStore, accountStore, followActivities, outbox, notifications,
                homeFeed, uris, ids, clock, blockStore);
        this.visibility = new StatusVisibility(database, followStore, recipientStore, blockStore);
        this.statusViews = new StatusViews(database, statusStore, recipientStore, tagStore, accountStore,
                mediaStore);
        MediaLimits mediaLimits = MediaLimits.defaults();
        this.media = new MediaService(database, mediaStore, new MediaFileStore(config.dataDir().resolve("media")),
                new MediaInspector(mediaLimits), mediaLimits, ids, clock);
        this.remoteMedia = new RemoteMediaReferences(mediaStore, peers, mediaLimits, ids, clock);
        this.postDelivery = new PostDelivery(followStore, accountStore, noteActivities, new NoteTags(uris),
                new NoteAttachments(new MediaUrls(config)), outbox, tagSubscriberStore);
        this.countReports = new org.tributary.node.interaction.CountReports(interactionStore, accountStore,
                statusViews, postDelivery, new org.tributary.node.outbound.CountedNotes(noteActivities, codec), uris,
                ids, clock);
        this.posts = new PostService(database, statusStore, recipientStore, tagStore, accountStore, statusViews,
                postDelivery, noteActivities, new StatusTextFormatter(uris),
                new HandleResolver(database, accountStore, remoteAccounts, uris), visibility, notifications, media,
                homeFeed, uris, ids, clock, StatusChanges.ignoring(), StatusEvents.none());
        this.timelines = new TimelineService(database, homeFeedStore, visibility);
        this.interactions = new org.tributary.node.interaction.InteractionService(database, interactionStore,
                statusStore, accountStore, followStore, visibility, notifications,
                new org.tributary.node.outbound.InteractionActivities(codec), countReports, outbox, uris, ids, clock);
        this.relationships = new org.tributary.node.relationship.RelationshipService(database, followStore, blockStore,
                new org.tributary.node.relationship.MuteStore());
    }

    public Account employee(String username) {
        return accounts.createEmployee(username, PASSWORD, null, Role.EMPLOYEE);
    }

    /**
     * A colleague on another node, as if their actor document had been fetched: {@code https://<authority>/users/<name>}
     * with a personal inbox and the node's shared inbox.
     */
    public Account remote(String username, String authority) {
        URI actor = URI.create("https://" + authority + "/users/" + username);
        Account account = new Account(ids.next(), username, authority, actor, username, "",
                URI.create(actor + "/inbox"), URI.create("https://" + authority + "/inbox"),
                URI.create(actor + "/followers"), false, Role.EMPLOYEE, false, clock.instant());
        database.inTransactionVoid(connection -> accountStore.insert(connection, account));
        return account;
    }

    /**
     * Forgets follows, posts (with their recipients, tags, media and notifications), queued deliveries and unlocks every account, so test classes can share one
     * rig (and its slowly generated keys) while each test starts from the same social state.
     */
    public void resetSocialState() {
        database.inTransactionVoid(connection -> {
            Jdbc.update(connection, "DELETE FROM deliveries");
            Jdbc.update(connection, "DELETE FROM home_feed");
            Jdbc.update(connection, "DELETE FROM notifications");
            Jdbc.update(connection, "DELETE FROM favourites");
            Jdbc.update(connection, "DELETE FROM reblogs");
            Jdbc.update(connection, "DELETE FROM blocks");
            Jdbc.update(connection, "DELETE FROM mutes");
            Jdbc.update(connection, "DELETE FROM status_recipients");
            Jdbc.update(connection, "DELETE FROM status_tags");
            Jdbc.update(connection, "DELETE FROM tag_follows");
            Jdbc.update(connection, "DELETE FROM tag_subscribers");
            Jdbc.update(connection, "DELETE FROM tag_peer_subscriptions");
            Jdbc.update(connection, "DELETE FROM media_attachments");
            Jdbc.update(connection, "DELETE FROM statuses");
            // Through the store, which remembers who has followers.
            for (long[] follow : Jdbc.query(connection, "SELECT follower_id, target_id FROM follows",
                    row -> new long[] {row.getLong(1), row.getLong(2)})) {
                followStore.delete(connection, follow[0], follow[1]);
            }
            Jdbc.update(connection, "UPDATE accounts SET locked = FALSE");
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
