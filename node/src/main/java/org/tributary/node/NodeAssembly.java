package org.tributary.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.SignatureSchemeMemory;
import org.tributary.federation.discovery.NodeInfoClient;
import org.tributary.federation.discovery.WebFingerClient;
import org.tributary.federation.fetch.FetchLimits;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.fetch.SignedFetcher;
import org.tributary.federation.inbox.InboxLimits;
import org.tributary.federation.inbox.InboxPipeline;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.spi.FederationEventListener;
import org.tributary.federation.vocab.Contexts;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.ProfileService;
import org.tributary.node.admin.AccountAdministration;
import org.tributary.node.inbound.UpdateActorHandler;
import org.tributary.node.inbound.UpdateRouter;
import org.tributary.node.search.SearchIndexer;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.activitypub.ActorResource;
import org.tributary.node.activitypub.InboxEndpoint;
import org.tributary.node.activitypub.InboxHandler;
import org.tributary.node.activitypub.OutboxResource;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.activitypub.WellKnownResource;
import org.tributary.node.api.AccountsResource;
import org.tributary.node.api.AppsResource;
import org.tributary.node.api.AuthorizeResource;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.CsrfTokens;
import org.tributary.node.api.FollowRequestsResource;
import org.tributary.node.api.InstanceResource;
import org.tributary.node.api.InstanceV2Resource;
import org.tributary.node.api.JsonbConfig;
import org.tributary.node.api.MarkersResource;
import org.tributary.node.api.NodeTimelinesResource;
import org.tributary.node.api.NotificationsResource;
import org.tributary.node.api.OAuthErrorMapper;
import org.tributary.node.api.OAuthResource;
import org.tributary.node.api.PreferencesResource;
import org.tributary.node.api.ScopeFilter;
import org.tributary.node.api.StatusesResource;
import org.tributary.node.api.TimelinesResource;
import org.tributary.node.audit.AuditConsole;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditLogStore;
import org.tributary.node.audit.AuditSettings;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.audit.ReceivedFetchLog;
import org.tributary.node.auth.AuthService;
import org.tributary.node.auth.CredentialStore;
import org.tributary.node.auth.PasswordHasher;
import org.tributary.node.auth.TokenStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowLists;
import org.tributary.node.follow.FollowService;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.http.ExceptionMappers;
import org.tributary.node.http.NodeServer;
import org.tributary.node.inbound.AcceptFollowHandler;
import org.tributary.node.inbound.CreateNoteHandler;
import org.tributary.node.inbound.DeleteNoteHandler;
import org.tributary.node.inbound.FollowHandler;
import org.tributary.node.inbound.InboundHandlers;
import org.tributary.node.inbound.IncomingNotes;
import org.tributary.node.inbound.RejectFollowHandler;
import org.tributary.node.inbound.UpdateNoteHandler;
import org.tributary.node.inbox.InboxActivityStore;
import org.tributary.node.inbox.InboxProcessor;
import org.tributary.node.inbox.LoggedInboxQueue;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.keys.PeerKeyResolver;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationStore;
import org.tributary.node.oauth.AppStore;
import org.tributary.node.oauth.AuthorizationCodeStore;
import org.tributary.node.oauth.OAuthService;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.NoteTags;
import org.tributary.node.peer.PeerService;
import org.tributary.node.peer.PeerStore;
import org.tributary.node.post.HandleResolver;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.NodeTimelineStore;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.PostService;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.StatusTextFormatter;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Migrations;
import org.tributary.node.thread.AncestorFetcher;
import org.tributary.node.thread.ThreadService;
import org.tributary.node.timeline.MarkerStore;
import org.tributary.node.timeline.Markers;
import org.tributary.node.timeline.NodeTimelines;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.HomeFeedStore;
import org.tributary.node.timeline.StatusVisibility;
import org.tributary.node.media.MediaLimits;
import org.tributary.node.media.RemoteMediaFetcher;
import org.tributary.node.media.RemoteMediaReferences;
import org.tributary.node.hashtag.PeerTagSubscriptions;
import org.tributary.node.hashtag.TagSubscribers;
import org.tributary.node.streaming.StreamHub;

/**
 * The composition root: builds every part of a node once, with final fields and constructor
 * injection, in dependency order. Nothing else in the node constructs a service.
 */
public final class NodeAssembly implements AutoCloseable {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final NodeConfig config;
    private final DataSource dataSource;
    private final AccountService accounts;
    private final PeerService peers;
    private final InboxProcessor inboxProcessor;
    private final InboxActivityStore inboxStore;
    private final LoggedInboxQueue loggedInbox;
    private final DeliveryStore deliveries;
    private final DeliveryWiring delivery;
    private final NodeServer server;
    private final AuditedFetcher fetcher;
    private final LocalUris uris;
    private final DirectoryWiring directory;
    private final PostKindsWiring postKinds;
    private final MediaWiring media;
    private final AuditLog auditLog;
    private final AuditWiring audit;
    private final Database database;
    private final HashtagWiring hashtags;

    private NodeAssembly(NodeConfig config, DataSource dataSource, Clock clock, MediaLimits mediaLimits,
            AuditSettings auditSettings) {
        this.config = config;
        this.dataSource = dataSource;
        Database database = new Database(dataSource);
        this.database = database;
        new Migrations(database, clock).apply();
        SecureRandom random = new SecureRandom();
        IdGenerator ids = new IdGenerator(clock);
        this.uris = new LocalUris(config);

        // The compliance log comes first: every service below records into it.
        AuditLogStore auditStore = new AuditLogStore();
        this.auditLog = new AuditLog(database, auditStore, AuditWiring::isCheckpointGossip);

        // Stores.
        AccountStore accountStore = new AccountStore();
        ActorKeyStore keyStore = new ActorKeyStore();
        CredentialStore credentials = new CredentialStore();
        TokenStore tokens = new TokenStore();
        FollowStore followStore = new FollowStore(database);
        StatusStore statusStore = new StatusStore();
        StatusTagStore tagStore = new StatusTagStore();
        SocialWiring.Stores socialStores = new SocialWiring.Stores();
        this.deliveries = new DeliveryStore(database, ids, clock);
        this.inboxStore = new InboxActivityStore(database, ids, clock);
        this.loggedInbox = new LoggedInboxQueue(database, clock);
        this.peers = new PeerService(database, new PeerStore(), clock, auditLog);

        // Protocol machinery.
        VocabCodec codec = new VocabCodec(uris.context());
        HttpSignatures signatures = new HttpSignatures(clock, config.signatureMaxAge(), config.signatureMaxFuture());
        // HTTP/1.1 only: peers get plain requests, without an h2c upgrade offer that strict servers refuse.
        HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(HTTP_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        SignatureSchemeMemory schemes = new SignatureSchemeMemory();
        DoubleKnockSender sender = new DoubleKnockSender(httpClient, signatures, schemes, HTTP_TIMEOUT);
        FederationLogging federationLogging = FederationLogging.wire(auditSettings, database, auditLog, inboxStore,
                loggedInbox, ids, clock);
        FederationEventListener events = federationLogging.events();
        PasswordHasher hasher = new PasswordHasher(random);

        // Search index: a derived view of the store, told of every change after it commits.
        DirectoryWiring.Index index = new DirectoryWiring.Index(config, database, accountStore, clock);
        SearchIndexer searchIndexer = index.indexer();

        // Accounts and keys.
        this.accounts = new AccountService(database, accountStore, keyStore, credentials, hasher, uris, ids, clock,
                auditLog, searchIndexer);
        WebFingerClient webFinger = new WebFingerClient(httpClient, peers, config.baseUrl().getScheme());
        LocalSigningKeys signingKeys = new LocalSigningKeys(database, keyStore);
        this.fetcher = new AuditedFetcher(new SignedFetcher(sender, signingKeys, peers, FetchLimits.defaults()),
                auditLog, clock);
        RemoteAccountService remoteAccounts = new RemoteAccountService(database, accountStore, keyStore, fetcher,
                webFinger, codec, uris, ids, clock, index.profiles(), searchIndexer);
        PeerKeyResolver keys = new PeerKeyResolver(database, keyStore, remoteAccounts);

        // Outbound: a worker for due jobs, woken as soon as the Outbox commits jobs.
        this.delivery = new DeliveryWiring(deliveries, signingKeys, peers, sender, random, events, clock);

        // Social services.
        DeliveryPlanner planner = new DeliveryPlanner(peers, clock);
        Outbox outbox = new Outbox(deliveries, planner, codec, uris, database, delivery::wakeUp);
        FollowActivities followActivities = new FollowActivities(codec);
        NoteActivities noteActivities = new NoteActivities(codec);
        NotificationService notifications = new NotificationService(database, new NotificationStore(), accountStore,
                ids, clock);
        HomeFeedStore homeFeedStore = new HomeFeedStore();
        HomeFeed homeFeed = new HomeFeed(homeFeedStore);
        FollowService follows = new FollowService(database, followStore, accountStore, followActivities, outbox,
                notifications, homeFeed, uris, ids, clock, socialStores.blocks());
        this.media = new MediaWiring(database, config, mediaLimits, sender, signingKeys, peers, ids, clock);
        StatusRecipientStore recipientStore = new StatusRecipientStore();
        StatusVisibility statusVisibility = new StatusVisibility(database, followStore, recipientStore,
                socialStores.blocks());
        StatusViews statusViews = new StatusViews(database, statusStore, recipientStore, tagStore, accountStore,
                media.store());
        // Hashtags and streaming (spec/hashtags.md): posts are announced on its stream hub as they change.
        NodeInfoClient nodeInfo = new NodeInfoClient(httpClient, peers, config.baseUrl().getScheme());
        this.hashtags = new HashtagWiring(database, tagStore, accountStore, remoteAccounts, peers, nodeInfo, outbox,
                homeFeed, statusVisibility, codec, uris, ids, clock);
        PostDelivery postDelivery = new PostDelivery(followStore, accountStore, noteActivities, new NoteTags(uris),
                media.noteAttachments(), outbox, hashtags.tagSubscriberStore());
        PostService posts = new PostService(database, statusStore, recipientStore, tagStore, accountStore,
                statusViews, postDelivery, noteActivities, new StatusTextFormatter(uris),
                new HandleResolver(database, accountStore, remoteAccounts, uris), statusVisibility, notifications,
                media.service(), homeFeed, uris, ids, clock, searchIndexer, hashtags.streams());
        // Kudos, polls, questions and events: kinds of post built on the posting core.
        this.postKinds = new PostKindsWiring(database, posts, statusStore, statusViews, accountStore, remoteAccounts,
                statusVisibility, postDelivery, noteActivities, outbox, notifications, codec, uris, ids, clock);
        // Likes, boosts, blocks and mutes (spec/interactions.md).
        SocialWiring social = new SocialWiring(socialStores, database, statusStore, accountStore, followStore,
                homeFeedStore, homeFeed, statusVisibility, statusViews, postDelivery, noteActivities,
                followActivities, notifications, outbox, codec, uris, ids, clock);
        ThreadService threads = new ThreadService(database, statusStore, statusVisibility);
        AuthService auth = new AuthService(database, accountStore, credentials, tokens, hasher, random, clock);
        OAuthService oauth = new OAuthService(database, new AppStore(), new AuthorizationCodeStore(), auth, ids, random,
                clock);

        // Checkpoints: signed, published to Tributary peers, witnessed from them.
        this.audit = new AuditWiring(database, auditStore, auditLog, auditSettings, uris, ids, clock, nodeInfo, peers,
                accounts, signingKeys, keys, fetcher, deliveries, planner);

        // Inbound.
        InboxPipeline pipeline = new InboxPipeline(new InboxLimits(config.maxBodyBytes()), peers, signatures, keys,
                federationLogging.admission(), events, clock);
        RemoteMediaReferences remoteMedia = media.remoteReferences();
        IncomingNotes incomingNotes = new IncomingNotes(statusStore, recipientStore, tagStore, accountStore,
                new HtmlSanitizer(), statusVisibility, notifications, remoteMedia, homeFeed, ids, clock,
                socialStores.interactions(), searchIndexer,
                postKinds.incomingParts(accountStore, notifications, clock));
        AncestorFetcher ancestors = new AncestorFetcher(database, statusStore, incomingNotes, remoteAccounts, fetcher,
                peers, codec, uris);
        // Both queues, whichever the log's setting: a node switched between them leaves nothing behind.
        this.inboxProcessor = new InboxProcessor(List.of(inboxStore, loggedInbox), InboundHandlers.dispatcher(
                new InboundHandlers.Following(
                        new FollowHandler(database, accountStore, followStore, remoteAccounts, followActivities, outbox,
                                notifications, codec, uris, ids, clock, socialStores.blocks()),
                        new AcceptFollowHandler(database, accountStore, followStore, codec),
                        new RejectFollowHandler(database, accountStore, followStore, homeFeed, codec)),
                hashtags.inboundHandlers(incomingNotes, fetcher),
                new InboundHandlers.Posts(
                        postKinds.votesOr(new CreateNoteHandler(database, followStore, remoteAccounts, incomingNotes,
                                ancestors, codec, uris, hashtags.tagFollows(), hashtags.streams())),
                        // Update of an actor is a changed profile; of a Note, an edited post (streamed).
                        new UpdateRouter(new UpdateNoteHandler(database, statusStore, accountStore, incomingNotes,
                                codec, hashtags.streams()), new UpdateActorHandler(remoteAccounts, codec), codec),
                        new DeleteNoteHandler(database, statusStore, tagStore, accountStore, notifications, remoteMedia,
                                codec, clock, searchIndexer, hashtags.streams())),
                postKinds.rsvps(),
                social.inboundHandlers(remoteAccounts, ancestors, hashtags.undoTagFollow(),
                        hashtags.tagSubscriberStore()),
                audit.addCheckpointHandler()));

        // HTTP.
        RequestParts requestParts = new RequestParts(uris);
        SignedGetVerifier signedGets = new SignedGetVerifier(signatures, keys, peers, requestParts,
                new ReceivedFetchLog(auditLog, signatures, clock));
        // Profiles, the directory, search and the admin API (spec/directory.md).
        this.directory = new DirectoryWiring(index, database, accountStore, keyStore, followStore, statusStore,
                socialStores.blocks(), accounts, credentials, tokens, hasher, random, auditLog, peers, deliveries,
                fetcher, remoteAccounts, ancestors, outbox, statusViews, statusVisibility, codec, uris, ids, clock);
        ProfileService profiles = directory.profiles();
        ClientModels models = new ClientModels(database, statusViews, follows, uris, media.models(), social.interactions(),
                social.relationships(), postKinds.polls(), clock, profiles);
        FollowLists followLists = new FollowLists(database, followStore, accountStore);
        CollectionDocuments collections = new CollectionDocuments();
        ResourceConfig application = new ResourceConfig()
                .register(new JsonbConfig())
                .register(new ExceptionMappers.ApiExceptionMapper())
                .register(new ExceptionMappers.WebApplicationExceptionMapper())
                .register(new ExceptionMappers.UnexpectedExceptionMapper())
                .register(new ActorResource(accounts, follows, directory.actorDocuments(), collections, signedGets,
                        codec, uris, profiles))
                .register(new OutboxResource(accounts, posts, statusViews, statusVisibility, postDelivery,
                        noteActivities, collections, signedGets, codec, uris, social.countedNotes(),
                        social.interactions()))
                .register(new WellKnownResource(accounts, posts, new Contexts(), uris, config))
                .register(new OAuthErrorMapper())
                .register(new ScopeFilter(auth))
                .register(new OAuthResource(oauth))
                .register(new AuthorizeResource(oauth, auth, new CsrfTokens(random, clock), config.department(),
                        "https".equalsIgnoreCase(config.baseUrl().getScheme())))
                .register(new AppsResource(oauth, auth))
                .register(new AccountsResource(auth, accounts, remoteAccounts, follows, models, followLists, posts,
                        statusVisibility, profiles, media.service(), media.urls()))
                .register(new StatusesResource(auth, posts, statusViews, threads, statusVisibility, models,
                        postKinds.polls(), postKinds.questions()))
                .register(new TimelinesResource(auth, social.homeTimeline(), models))
                .register(new NotificationsResource(auth, accounts, notifications, posts, statusViews, statusVisibility,
                        models))
                .register(new InstanceResource(config, accounts))
                .register(new NodeTimelinesResource(auth, new NodeTimelines(database, new NodeTimelineStore(),
                        statusVisibility), hashtags.hashtags(), models))
                .register(new InstanceV2Resource(config, accounts))
                .register(new FollowRequestsResource(auth, accounts, followLists, social.followers(), models))
                .register(new MarkersResource(auth, new Markers(database, new MarkerStore(), clock)))
                .register(new PreferencesResource(auth))
                .register(audit.apiResource(auth))
                .register(audit.peerResource(signedGets, requestParts));
        media.register(application, auth, signedGets, statusStore, statusVisibility, index.profiles());
        directory.register(application, auth, models, signedGets, requestParts);
        postKinds.register(application, auth, accounts, models);
        social.register(application, auth, accounts, statusViews, models);
        hashtags.register(application, auth, statusViews, postDelivery, noteActivities, collections, signedGets, models,
                statusVisibility, followStore, recipientStore);
        InboxHandler inbox = new InboxHandler(new InboxEndpoint(pipeline, inboxProcessor, accounts, requestParts,
                config.maxBodyBytes(), federationLogging.capture()));
        this.server = new NodeServer(config.bindHost(), config.port(), inbox, application);
    }

    /** Builds a node over the given store, applying pending migrations. */
    public static NodeAssembly create(NodeConfig config, DataSource dataSource, Clock clock) {
        return new NodeAssembly(config, dataSource, clock, MediaLimits.defaults(), AuditSettings.defaults());
    }

    /** As {@link #create(NodeConfig, DataSource, Clock)}, with other limits on media uploads. */
    public static NodeAssembly create(NodeConfig config, DataSource dataSource, Clock clock, MediaLimits mediaLimits) {
        return new NodeAssembly(config, dataSource, clock, mediaLimits, AuditSettings.defaults());
    }

    /** Builds a node with its compliance log run as {@code auditSettings} say. */
    public static NodeAssembly create(NodeConfig config, DataSource dataSource, Clock clock,
            AuditSettings auditSettings) {
        return new NodeAssembly(config, dataSource, clock, MediaLimits.defaults(), auditSettings);
    }

    /** Starts the HTTP server and the workers. */
    public void start() {
        startWorkers();
        startHttp();
    }

    /**
     * Starts serving HTTP only: activities are received and stored, but no handler or delivery runs. The
     * search indexer starts here too (searches need it), catching up with the store in the background.
     */
    public void startHttp() {
        accounts.ensureInstanceActor();
        directory.startIndexing();
        server.start();
    }

    /**
     * Starts the inbox processor and the delivery worker; first re-queues deliveries a previous run left
     * half-sent. Activities stored by an earlier run and never handled are picked up here.
     */
    public void startWorkers() {
        delivery.start();
        inboxProcessor.start();
        postKinds.start();
        audit.start();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    public NodeConfig config() {
        return config;
    }

    public AccountService accounts() {
        return accounts;
    }

    public PeerService peers() {
        return peers;
    }

    public DeliveryStore deliveries() {
        return deliveries;
    }

    /** How many stored activities wait for their handlers, in the inbox's rows and in the log. */
    public long inboxPending() {
        return inboxStore.countPending() + loggedInbox.countPending();
    }

    /** The compliance log: append and read its committed state. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Verify, export and prove the compliance log (the {@code audit} CLI). */
    public AuditConsole audit() {
        return audit.console();
    }

    /** One round of checkpoint signing and publishing, as the schedule runs it. */
    public Optional<SignedCheckpoint> checkpointNow() {
        return audit.signAndPublish();
    }

    /** The store, for maintenance tools and tests that must inspect or damage it directly. */
    public Database database() {
        return database;
    }

    /** A signed GET by this node's instance actor, under the same peer and origin rules as every fetch. */
    public FetchResult fetch(URI url) {
        return fetcher.fetch(url, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
    }

    /** A signed GET of a peer's media file by this node's instance actor (nothing fetches media by itself). */
    public RemoteMediaFetcher.Result fetchMedia(URI url) {
        return media.fetcher().fetch(url, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
    }

    /** A signed GET by one of this node's employees, as their node would fetch on their behalf. */
    public FetchResult fetchAs(String username, URI url) {
        return fetcher.fetch(url, uris.rsaKeyId(username));
    }

    /** Account administration, as the CLI uses it (recorded like the admin API's actions). */
    public AccountAdministration accountAdministration() {
        return directory.accountAdministration();
    }

    /** This node's subscriptions to peers' tag collections. */
    public PeerTagSubscriptions tagSubscriptions() {
        return hashtags.peerSubscriptions();
    }

    /** The peer nodes subscribed to this node's tag collections. */
    public TagSubscribers tagSubscribers() {
        return hashtags.tagSubscribers();
    }

    /** The streaming API's event bus. */
    public StreamHub streams() {
        return hashtags.streams();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        hashtags.closeStreams();
        server.close();
        hashtags.close();
        postKinds.close();
        delivery.stop();
        inboxProcessor.close();
        directory.close();
        audit.close();
        auditLog.close();
        DerbyDataSources.shutdown(dataSource);
    }
}
