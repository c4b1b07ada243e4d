package org.tributary.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.delivery.BackoffSchedule;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.delivery.DeliveryWorker;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.JobDelivery;
import org.tributary.federation.delivery.PeerCircuitBreaker;
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
import org.tributary.node.account.ProfileStore;
import org.tributary.node.admin.AccountAdministration;
import org.tributary.node.admin.AdminAccess;
import org.tributary.node.admin.AdminAccountsResource;
import org.tributary.node.admin.AdminActionLog;
import org.tributary.node.admin.AdminDeliveriesResource;
import org.tributary.node.admin.AdminDtos;
import org.tributary.node.admin.AdminPeersResource;
import org.tributary.node.admin.AuditedAdminActions;
import org.tributary.node.admin.PeerAdministration;
import org.tributary.node.directory.Directory;
import org.tributary.node.directory.DirectoryDocuments;
import org.tributary.node.directory.DirectoryPeerResource;
import org.tributary.node.directory.DirectoryResource;
import org.tributary.node.directory.DirectorySearch;
import org.tributary.node.directory.DirectoryStore;
import org.tributary.node.inbound.UpdateActorHandler;
import org.tributary.node.inbound.UpdateRouter;
import org.tributary.node.outbound.ActorUpdates;
import org.tributary.node.search.IndexLocation;
import org.tributary.node.search.BlockExclusions;
import org.tributary.node.search.SearchIndex;
import org.tributary.node.search.SearchIndexer;
import org.tributary.node.search.SearchResolver;
import org.tributary.node.search.SearchResource;
import org.tributary.node.search.SearchService;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.activitypub.ActorResource;
import org.tributary.node.activitypub.InboxResource;
import org.tributary.node.activitypub.OutboxResource;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.activitypub.WellKnownResource;
import org.tributary.node.api.AccountKudosResource;
import org.tributary.node.api.AccountsResource;
import org.tributary.node.api.KudosResource;
import org.tributary.node.api.EventsResource;
import org.tributary.node.api.PollsResource;
import org.tributary.node.api.QuestionsResource;
import org.tributary.node.event.EventService;
import org.tributary.node.event.EventStore;
import org.tributary.node.inbound.IncomingEvents;
import org.tributary.node.inbound.IncomingPolls;
import org.tributary.node.inbound.IncomingQuestions;
import org.tributary.node.inbound.PollVoteHandler;
import org.tributary.node.inbound.RsvpHandler;
import org.tributary.node.outbound.EventActivities;
import org.tributary.node.outbound.PollActivities;
import org.tributary.node.outbound.QuestionActivities;
import org.tributary.node.poll.PollCloser;
import org.tributary.node.poll.PollService;
import org.tributary.node.poll.PollStore;
import org.tributary.node.question.QuestionService;
import org.tributary.node.question.QuestionStore;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.node.inbound.IncomingKudos;
import org.tributary.node.kudos.KudosService;
import org.tributary.node.kudos.KudosStore;
import org.tributary.node.outbound.KudosActivities;
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
import org.tributary.node.audit.AuditEventListener;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditLogStore;
import org.tributary.node.audit.AuditSettings;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.audit.InboundCapture;
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
import org.tributary.node.inbound.UndoFollowHandler;
import org.tributary.node.inbound.UpdateNoteHandler;
import org.tributary.node.inbox.InboxActivityStore;
import org.tributary.node.inbox.InboxProcessor;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.keys.PeerKeyResolver;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationStore;
import org.tributary.node.oauth.AppStore;
import org.tributary.node.oauth.AuthorizationCodeStore;
import org.tributary.node.oauth.OAuthService;
import org.tributary.node.outbound.ActorDocuments;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.NoteTags;
import org.tributary.node.peer.PeerService;
import org.tributary.node.peer.PeerStore;
import org.tributary.node.post.HandleResolver;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.NodeTimelineStore;
import org.tributary.node.post.PlainTextFormatter;
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
import org.tributary.node.timeline.HomeTimeline;
import org.tributary.node.api.AccountRelationsResource;
import org.tributary.node.api.BlocksResource;
import org.tributary.node.api.MutesResource;
import org.tributary.node.api.FavouritesResource;
import org.tributary.node.api.StatusInteractionsResource;
import org.tributary.node.inbound.AnnounceHandler;
import org.tributary.node.inbound.BlockHandler;
import org.tributary.node.inbound.LikeHandler;
import org.tributary.node.inbound.RecordedActivities;
import org.tributary.node.inbound.RejectFollowHandler;
import org.tributary.node.inbound.UndoBlockHandler;
import org.tributary.node.inbound.UndoInteractionHandler;
import org.tributary.node.inbound.UndoRouter;
import org.tributary.node.interaction.CountReports;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionService;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.outbound.BlockActivities;
import org.tributary.node.outbound.CountedNotes;
import org.tributary.node.outbound.InteractionActivities;
import org.tributary.node.relationship.BlockService;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.relationship.FollowerService;
import org.tributary.node.relationship.MuteService;
import org.tributary.node.relationship.MuteStore;
import org.tributary.node.relationship.RelationshipService;
// Media.
import org.tributary.node.api.MediaFilesResource;
import org.tributary.node.api.MediaModels;
import org.tributary.node.api.MediaResource;
import org.tributary.node.api.MediaV2Resource;
import org.tributary.node.media.MediaAccess;
import org.tributary.node.media.MediaFileStore;
import org.tributary.node.media.MediaInspector;
import org.tributary.node.media.MediaLimits;
import org.tributary.node.media.MediaService;
import org.tributary.node.media.MediaStore;
import org.tributary.node.media.MediaUrls;
import org.tributary.node.media.NoteAttachments;
import org.tributary.node.media.RemoteMediaFetcher;
import org.tributary.node.media.RemoteMediaReferences;

/**
 * The composition root: builds every part of a node once, with final fields and constructor
 * injection, in dependency order. Nothing else in the node constructs a service.
 */
public final class NodeAssembly implements AutoCloseable {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a directory search waits for peers before reporting them as timed out. */
    private static final Duration DIRECTORY_TIME_LIMIT = Duration.ofSeconds(3);
    /** How often polls past their end time are closed: a poll closes at most this late. */
    private static final Duration POLL_CLOSER_PERIOD = Duration.ofSeconds(1);

    private final NodeConfig config;
    private final DataSource dataSource;
    private final AccountService accounts;
    private final PeerService peers;
    private final InboxProcessor inboxProcessor;
    private final InboxActivityStore inboxStore;
    private final DeliveryStore deliveries;
    private final DeliveryWorker deliveryWorker;
    private final ScheduledExecutorService deliveryScheduler;
    private final ExecutorService deliverySenders;
    private final NodeServer server;
    private final AuditedFetcher fetcher;
    private final LocalUris uris;
    private final SearchIndex searchIndex;
    private final SearchIndexer searchIndexer;
    private final ExecutorService directoryAskers;
    private final AccountAdministration accountAdministration;
    private final PollCloser pollCloser;
    private final RemoteMediaFetcher mediaFetcher;
    private final AuditLog auditLog;
    private final AuditWiring audit;
    private final Database database;

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
        FollowStore followStore = new FollowStore();
        StatusStore statusStore = new StatusStore();
        StatusTagStore tagStore = new StatusTagStore();
        ProfileStore profileStore = new ProfileStore();
        InteractionStore interactionStore = new InteractionStore();
        BlockStore blockStore = new BlockStore();
        MuteStore muteStore = new MuteStore();
        MediaStore mediaStore = new MediaStore();
        this.deliveries = new DeliveryStore(database, ids, clock);
        this.inboxStore = new InboxActivityStore(database, ids, clock);
        this.peers = new PeerService(database, new PeerStore(), clock, auditLog);

        // Protocol machinery.
        VocabCodec codec = new VocabCodec(uris.context());
        HttpSignatures signatures = new HttpSignatures(clock, config.signatureMaxAge(), config.signatureMaxFuture());
        // HTTP/1.1 only: peers get plain requests, without an h2c upgrade offer that strict servers refuse.
        HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(HTTP_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        SignatureSchemeMemory schemes = new SignatureSchemeMemory();
        DoubleKnockSender sender = new DoubleKnockSender(httpClient, signatures, schemes, HTTP_TIMEOUT);
        InboundCapture inboundCapture = new InboundCapture();
        FederationEventListener events = new AuditEventListener(auditLog, inboundCapture, deliveries::body);
        PasswordHasher hasher = new PasswordHasher(random);

        // Search index: a derived view of the store, told of every change after it commits.
        this.searchIndex = new SearchIndex(config.searchIndexDir().map(IndexLocation::onDisk)
                .orElseGet(IndexLocation::inMemory));
        this.searchIndexer = new SearchIndexer(database, searchIndex, statusStore, tagStore, accountStore,
                profileStore);

        // Accounts and keys.
        this.accounts = new AccountService(database, accountStore, keyStore, credentials, hasher, uris, ids, clock,
                auditLog, searchIndexer);
        WebFingerClient webFinger = new WebFingerClient(httpClient, peers, config.baseUrl().getScheme());
        LocalSigningKeys signingKeys = new LocalSigningKeys(database, keyStore);
        this.fetcher = new AuditedFetcher(new SignedFetcher(sender, signingKeys, peers, FetchLimits.defaults()),
                auditLog, clock);
        RemoteAccountService remoteAccounts = new RemoteAccountService(database, accountStore, keyStore, fetcher,
                webFinger, codec, uris, ids, clock, profileStore, searchIndexer);
        PeerKeyResolver keys = new PeerKeyResolver(database, keyStore, remoteAccounts);

        // Outbound: the Outbox wakes the worker when it commits jobs; the worker also polls for retries.
        this.deliveryScheduler = Executors.newSingleThreadScheduledExecutor(daemon("tributary-delivery"));
        this.deliverySenders = Executors.newFixedThreadPool(8, daemon("tributary-sender"));
        JobDelivery jobDelivery = new JobDelivery(deliveries, signingKeys, peers, sender,
                BackoffSchedule.mastodonLike(random), PeerCircuitBreaker.mastodonLike(clock), events, clock);
        DeliveryWorker.Settings deliverySettings = DeliveryWorker.Settings.defaults();
        this.deliveryWorker = new DeliveryWorker(deliveries, jobDelivery, deliveryScheduler, deliverySenders, clock,
                deliverySettings);

        // Social services.
        DeliveryPlanner planner = new DeliveryPlanner(peers, clock);
        Outbox outbox = new Outbox(deliveries, planner, codec, uris, database, deliveryWorker::wakeUp);
        FollowActivities followActivities = new FollowActivities(codec);
        NoteActivities noteActivities = new NoteActivities(codec);
        NotificationService notifications = new NotificationService(database, new NotificationStore(), accountStore,
                ids, clock);
        HomeFeedStore homeFeedStore = new HomeFeedStore();
        HomeFeed homeFeed = new HomeFeed(homeFeedStore);
        FollowService follows = new FollowService(database, followStore, accountStore, followActivities, outbox,
                notifications, homeFeed, uris, ids, clock, blockStore);
        // Media (spec/media.md): files under <data>/media, attached to posts in the post's transaction.
        MediaFileStore mediaFiles = new MediaFileStore(config.dataDir().resolve("media"));
        MediaService media = new MediaService(database, mediaStore, mediaFiles, new MediaInspector(mediaLimits),
                mediaLimits, ids, clock);
        MediaUrls mediaUrls = new MediaUrls(config);
        this.mediaFetcher = new RemoteMediaFetcher(sender, signingKeys, peers, mediaLimits.maxUploadBytes());
        StatusRecipientStore recipientStore = new StatusRecipientStore();
        StatusVisibility statusVisibility = new StatusVisibility(database, followStore, recipientStore, blockStore);
        StatusViews statusViews = new StatusViews(database, statusStore, recipientStore, tagStore, accountStore,
                mediaStore);
        PostDelivery postDelivery = new PostDelivery(followStore, accountStore, noteActivities, new NoteTags(uris),
                new NoteAttachments(mediaUrls), outbox);
        PostService posts = new PostService(database, statusStore, recipientStore, tagStore, accountStore,
                statusViews, postDelivery, noteActivities, new StatusTextFormatter(uris),
                new HandleResolver(database, accountStore, remoteAccounts, uris), statusVisibility, notifications,
                media, homeFeed, uris, ids, clock, searchIndexer);
        KudosStore kudosStore = new KudosStore();
        KudosService kudos = new KudosService(database, kudosStore, posts, statusStore, statusViews, accountStore,
                statusVisibility, new KudosActivities());
        PollStore pollStore = new PollStore();
        PollService polls = new PollService(database, pollStore, statusStore, statusViews, accountStore,
                statusVisibility, postDelivery, noteActivities, new PollActivities(codec), outbox, notifications, uris,
                ids, clock);
        QuestionStore questionStore = new QuestionStore();
        QuestionService questions = new QuestionService(database, questionStore, posts, statusStore, statusViews,
                accountStore, statusVisibility, postDelivery, noteActivities, new QuestionActivities(), notifications,
                uris, ids, clock);
        EventStore eventStore = new EventStore();
        EventService eventPosts = new EventService(database, eventStore, posts, statusStore, statusViews, accountStore,
                statusVisibility, new EventActivities(), outbox, notifications, uris, ids, clock);
        this.pollCloser = new PollCloser(polls, POLL_CLOSER_PERIOD);
        HomeTimeline homeTimeline = new HomeTimeline(database, homeFeedStore, statusStore, interactionStore,
                accountStore, blockStore, muteStore, statusVisibility);
        CountedNotes countedNotes = new CountedNotes(noteActivities, codec);
        CountReports countReports = new CountReports(interactionStore, accountStore, statusViews, postDelivery,
                countedNotes, uris, ids, clock);
        InteractionService interactions = new InteractionService(database, interactionStore, statusStore,
                accountStore, followStore, statusVisibility, notifications, new InteractionActivities(codec),
                countReports, outbox, uris, ids, clock);
        BlockService blocks = new BlockService(database, blockStore, followStore, homeFeed, accountStore,
                new BlockActivities(codec), outbox, uris, ids, clock);
        MuteService mutes = new MuteService(database, muteStore, accountStore, ids, clock);
        FollowerService followers = new FollowerService(database, followStore, followActivities, outbox, uris, ids,
                clock);
        ThreadService threads = new ThreadService(database, statusStore, statusVisibility);
        AuthService auth = new AuthService(database, accountStore, credentials, tokens, hasher, random, clock);
        OAuthService oauth = new OAuthService(database, new AppStore(), new AuthorizationCodeStore(), auth, ids, random,
                clock);

        // Checkpoints: signed, published to Tributary peers, witnessed from them.
        this.audit = new AuditWiring(database, auditStore, auditLog, auditSettings, uris, ids, clock,
                new NodeInfoClient(httpClient, peers, config.baseUrl().getScheme()), peers, accounts, signingKeys,
                keys, fetcher, deliveries, planner);

        // Inbound.
        InboxPipeline pipeline = new InboxPipeline(new InboxLimits(config.maxBodyBytes()), peers, signatures, keys,
                inboxStore, events, clock);
        RemoteMediaReferences remoteMedia = new RemoteMediaReferences(mediaStore, peers, mediaLimits, ids, clock);
        IncomingNotes incomingNotes = new IncomingNotes(statusStore, recipientStore, tagStore, accountStore,
                new HtmlSanitizer(), statusVisibility, notifications, remoteMedia, homeFeed, ids, clock,
                interactionStore, searchIndexer,
                List.of(new IncomingKudos(kudosStore, accountStore), new IncomingPolls(pollStore, notifications),
                        new IncomingQuestions(questionStore, statusStore, notifications, clock),
                        new IncomingEvents(eventStore)));
        AncestorFetcher ancestors = new AncestorFetcher(database, statusStore, incomingNotes, remoteAccounts, fetcher,
                peers, codec, uris);
        ActivityHandler notHandled = activity -> new HandlerResult.Ignored("not handled: " + activity.type());
        UndoRouter undo = new UndoRouter(Map.of(
                "Follow", new UndoFollowHandler(database, accountStore, followStore, codec),
                "Like", new UndoInteractionHandler(InteractionKind.FAVOURITE, database, interactionStore, statusStore,
                        accountStore, countReports, codec),
                "Announce", new UndoInteractionHandler(InteractionKind.REBLOG, database, interactionStore,
                        statusStore, accountStore, countReports, codec),
                "Block", new UndoBlockHandler(database, accountStore, blockStore, codec)),
                new RecordedActivities(database, followStore, interactionStore, blockStore)::typeOf, codec);
        this.inboxProcessor = new InboxProcessor(inboxStore, InboundHandlers.dispatcher(
                new FollowHandler(database, accountStore, followStore, remoteAccounts, followActivities, outbox,
                        notifications, codec, uris, ids, clock, blockStore),
                new RsvpHandler(database, statusStore, remoteAccounts, eventPosts, uris,
                        new AcceptFollowHandler(database, accountStore, followStore, codec)),
                new RsvpHandler(database, statusStore, remoteAccounts, eventPosts, uris,
                        new RejectFollowHandler(database, accountStore, followStore, homeFeed, codec)),
                new RsvpHandler(database, statusStore, remoteAccounts, eventPosts, uris, notHandled),
                undo,
                new PollVoteHandler(database, statusStore, remoteAccounts, polls, codec, uris,
                        new CreateNoteHandler(database, followStore, remoteAccounts, incomingNotes, ancestors, codec,
                                uris)),
                new UpdateRouter(new UpdateNoteHandler(database, statusStore, accountStore, incomingNotes, codec),
                        new UpdateActorHandler(remoteAccounts, codec), codec),
                new DeleteNoteHandler(database, statusStore, tagStore, accountStore, notifications, remoteMedia, codec,
                        clock, searchIndexer),
                new LikeHandler(database, statusStore, interactionStore, remoteAccounts, statusVisibility,
                        notifications, countReports, codec, uris, ids, clock),
                new AnnounceHandler(database, statusStore, interactionStore, followStore, remoteAccounts, ancestors,
                        statusVisibility, notifications, countReports, codec, uris, ids, clock),
                new BlockHandler(database, accountStore, followStore, blockStore, homeFeed, remoteAccounts, codec, ids,
                        clock),
                audit.addCheckpointHandler()));

        // HTTP.
        RequestParts requestParts = new RequestParts(uris);
        SignedGetVerifier signedGets = new SignedGetVerifier(signatures, keys, peers, requestParts,
                new ReceivedFetchLog(auditLog, signatures, clock));
        MediaModels mediaModels = new MediaModels(mediaUrls);
        ActorDocuments actorDocuments = new ActorDocuments(uris);
        ProfileService profiles = new ProfileService(database, accountStore, profileStore, new PlainTextFormatter(),
                new ActorUpdates(accountStore, keyStore, followStore, actorDocuments, outbox, codec, ids, clock),
                searchIndexer, clock);
        ClientModels models = new ClientModels(follows, uris, mediaModels, interactions,
                new RelationshipService(database, followStore, blockStore, muteStore), polls, clock, profiles);
        MediaResource mediaResource = new MediaResource(auth, media, mediaModels);
        AdminActionLog adminLog = new AuditedAdminActions(auditLog, clock);
        this.accountAdministration = new AccountAdministration(database, accountStore, accounts, credentials, tokens,
                hasher, random, searchIndexer, adminLog, clock);
        PeerAdministration peerAdministration = new PeerAdministration(peers, deliveries, adminLog);
        AdminAccess adminAccess = new AdminAccess(auth);
        AdminDtos adminDtos = new AdminDtos(models);
        Directory directory = new Directory(database, new DirectoryStore(), accountStore, profileStore);
        DirectoryDocuments directoryDocuments = new DirectoryDocuments(uris.context());
        this.directoryAskers = Executors.newCachedThreadPool(daemon("tributary-directory"));
        DirectorySearch directorySearch = new DirectorySearch(directory, peers, fetcher, directoryDocuments, database,
                accountStore, uris, directoryAskers, DIRECTORY_TIME_LIMIT);
        SearchService search = new SearchService(database, searchIndex, accountStore, statusStore, statusViews,
                statusVisibility, new BlockExclusions(database, blockStore), new SearchResolver(database, accountStore, statusStore,
                        remoteAccounts, ancestors, fetcher, peers, uris));
        FollowLists followLists = new FollowLists(database, followStore, accountStore);
        CollectionDocuments collections = new CollectionDocuments();
        ResourceConfig application = new ResourceConfig()
                .register(new JsonbConfig())
                .register(new ExceptionMappers.ApiExceptionMapper())
                .register(new ExceptionMappers.WebApplicationExceptionMapper())
                .register(new ExceptionMappers.UnexpectedExceptionMapper())
                .register(new InboxResource(pipeline, inboxProcessor, accounts, requestParts, config.maxBodyBytes(),
                        inboundCapture))
                .register(new ActorResource(accounts, follows, actorDocuments, collections, signedGets, codec,
                        uris, profiles))
                .register(new DirectoryPeerResource(directory, directoryDocuments, signedGets, requestParts))
                .register(new OutboxResource(accounts, posts, statusViews, statusVisibility, postDelivery,
                        noteActivities, collections, signedGets, codec, uris, countedNotes, interactions))
                .register(new WellKnownResource(accounts, posts, new Contexts(), uris, config))
                .register(new OAuthErrorMapper())
                .register(new ScopeFilter(auth))
                .register(new OAuthResource(oauth))
                .register(new AuthorizeResource(oauth, auth, new CsrfTokens(random, clock), config.department(),
                        "https".equalsIgnoreCase(config.baseUrl().getScheme())))
                .register(new AppsResource(oauth, auth))
                .register(new AccountsResource(auth, accounts, remoteAccounts, follows, models, followLists, posts,
                        statusVisibility, profiles, statusViews, media, mediaUrls))
                .register(new DirectoryResource(auth, directory, directorySearch, models))
                .register(new SearchResource(auth, search, models, uris))
                .register(new AdminAccountsResource(adminAccess, accountAdministration, adminDtos))
                .register(new AdminPeersResource(adminAccess, peerAdministration))
                .register(new AdminDeliveriesResource(adminAccess, peerAdministration))
                .register(new StatusesResource(auth, posts, statusViews, threads, statusVisibility, models, polls,
                        questions))
                .register(new StatusInteractionsResource(auth, interactions, statusViews, models))
                .register(new FavouritesResource(auth, interactions, statusViews, models))
                .register(new AccountRelationsResource(auth, accounts, blocks, mutes, followers, models))
                .register(new BlocksResource(auth, blocks, models))
                .register(new MutesResource(auth, mutes, models))
                .register(new TimelinesResource(auth, homeTimeline, statusViews, models))
                .register(new NotificationsResource(auth, accounts, notifications, posts, statusViews, statusVisibility,
                        models))
                .register(new InstanceResource(config, accounts))
                .register(new NodeTimelinesResource(auth, statusViews, new NodeTimelines(database, new NodeTimelineStore(),
                        statusVisibility), models))
                .register(new InstanceV2Resource(config, accounts))
                .register(new FollowRequestsResource(auth, accounts, followLists, followers, models))
                .register(new MarkersResource(auth, new Markers(database, new MarkerStore(), clock)))
                .register(new PreferencesResource(auth))
                .register(mediaResource)
                .register(new MediaV2Resource(mediaResource))
                .register(new MediaFilesResource(auth, signedGets,
                        new MediaAccess(database, mediaStore, statusStore, statusVisibility, profileStore), mediaFiles))
                .register(audit.apiResource(auth))
                .register(audit.peerResource(signedGets, requestParts))
                .register(new KudosResource(auth, kudos, models))
                .register(new AccountKudosResource(auth, accounts, kudos))
                .register(new PollsResource(auth, polls, models))
                .register(new QuestionsResource(auth, questions, models))
                .register(new EventsResource(auth, eventPosts, models));
        this.server = new NodeServer(config.bindHost(), config.port(), application);
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

    /** Starts serving HTTP only: activities are received and stored, but no handler or delivery runs. */
    public void startHttp() {
        accounts.ensureInstanceActor();
        searchIndexer.rebuildIfEmpty();
        server.start();
    }

    /**
     * Starts the inbox processor and the delivery worker; first re-queues deliveries a previous run left
     * half-sent. Activities stored by an earlier run and never handled are picked up here.
     */
    public void startWorkers() {
        deliveries.requeueAbandoned();
        inboxProcessor.start();
        deliveryWorker.start();
        pollCloser.start();
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

    public InboxActivityStore inbox() {
        return inboxStore;
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
        return mediaFetcher.fetch(url, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
    }

    /** A signed GET by one of this node's employees, as their node would fetch on their behalf. */
    public FetchResult fetchAs(String username, URI url) {
        return fetcher.fetch(url, uris.rsaKeyId(username));
    }

    /** Account administration, as the CLI uses it (recorded like the admin API's actions). */
    public AccountAdministration accountAdministration() {
        return accountAdministration;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        pollCloser.close();
        deliveryWorker.stop();
        deliveryScheduler.shutdownNow();
        deliverySenders.shutdownNow();
        inboxProcessor.close();
        directoryAskers.shutdownNow();
        searchIndex.close();
        audit.close();
        auditLog.close();
        DerbyDataSources.shutdown(dataSource);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
