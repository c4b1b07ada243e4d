package org.tributary.node;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.delivery.BackoffSchedule;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.delivery.DeliveryWorker;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.JobDelivery;
import org.tributary.federation.delivery.PeerCircuitBreaker;
import org.tributary.federation.delivery.SignatureSchemeMemory;
import org.tributary.federation.discovery.WebFingerClient;
import java.net.URI;
import org.tributary.federation.fetch.FetchLimits;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.fetch.SignedFetcher;
import org.tributary.federation.inbox.InboxLimits;
import org.tributary.federation.inbox.InboxPipeline;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.spi.FederationEventListener;
import org.tributary.federation.vocab.Contexts;
import org.tributary.federation.vocab.VocabCodec;
import java.security.PublicKey;
import java.util.Optional;
import org.tributary.federation.audit.CheckpointWitness;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.discovery.DiscoveryException;
import org.tributary.federation.discovery.NodeInfoClient;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.audit.AuditConsole;
import org.tributary.node.audit.AuditEventListener;
import org.tributary.node.audit.AuditExporter;
import org.tributary.node.audit.AuditGraph;
import org.tributary.node.audit.AuditKinds;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditLogStore;
import org.tributary.node.audit.AuditPeerResource;
import org.tributary.node.audit.AuditProofs;
import org.tributary.node.audit.AuditRdf;
import org.tributary.node.audit.AuditReader;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.audit.AuditResource;
import org.tributary.node.audit.AuditRetention;
import org.tributary.node.audit.AuditScheduler;
import org.tributary.node.audit.AuditSettings;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.audit.CheckpointActivity;
import org.tributary.node.audit.CheckpointPublisher;
import org.tributary.node.audit.CheckpointSigner;
import org.tributary.node.audit.CheckpointStore;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.audit.PeerCheckpointWitness;
import org.tributary.node.audit.PeerSilenceCheck;
import org.tributary.node.audit.ReceivedFetchLog;
import org.tributary.node.audit.StorageVerifier;
import org.tributary.node.audit.TributaryPeers;
import org.tributary.node.audit.WitnessStore;
import org.tributary.node.inbound.AddCheckpointHandler;
import org.tributary.node.keys.KeyPems;
import org.tributary.node.peer.Peer;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.activitypub.ActorResource;
import org.tributary.node.activitypub.InboxResource;
import org.tributary.node.activitypub.OutboxResource;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.activitypub.WellKnownResource;
import org.tributary.node.api.AccountsResource;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.InstanceResource;
import org.tributary.node.api.JsonbConfig;
import org.tributary.node.api.OAuthResource;
import org.tributary.node.api.StatusesResource;
import org.tributary.node.api.TimelinesResource;
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
import org.tributary.node.http.ExceptionMappers;
import org.tributary.node.http.NodeServer;
import org.tributary.node.inbound.AcceptFollowHandler;
import org.tributary.node.inbound.CreateNoteHandler;
import org.tributary.node.inbound.FollowHandler;
import org.tributary.node.inbound.InboundHandlers;
import org.tributary.node.inbound.UndoFollowHandler;
import org.tributary.node.inbox.InboxActivityStore;
import org.tributary.node.inbox.InboxProcessor;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.keys.PeerKeyResolver;
import org.tributary.node.outbound.ActorDocuments;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.peer.PeerService;
import org.tributary.node.peer.PeerStore;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.PlainTextFormatter;
import org.tributary.node.post.PostService;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Migrations;
import org.tributary.node.timeline.StatusVisibility;
import org.tributary.node.timeline.TimelineService;

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
    private final DeliveryStore deliveries;
    private final DeliveryWorker deliveryWorker;
    private final ScheduledExecutorService deliveryScheduler;
    private final ExecutorService deliverySenders;
    private final NodeServer server;
    private final AuditedFetcher fetcher;
    private final LocalUris uris;
    private final AuditLog auditLog;
    private final AuditScheduler auditScheduler;
    private final ScheduledExecutorService auditExecutor;
    private final AuditConsole auditConsole;
    private final Database database;

    private NodeAssembly(NodeConfig config, DataSource dataSource, Clock clock, AuditSettings auditSettings) {
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
        this.auditLog = new AuditLog(database, auditStore, NodeAssembly::isCheckpointGossip);
        URI origin = URI.create(uris.base().toString().replaceAll("/+$", ""));

        // Stores.
        AccountStore accountStore = new AccountStore();
        ActorKeyStore keyStore = new ActorKeyStore();
        CredentialStore credentials = new CredentialStore();
        TokenStore tokens = new TokenStore();
        FollowStore followStore = new FollowStore();
        StatusStore statusStore = new StatusStore();
        this.deliveries = new DeliveryStore(database, ids, clock);
        this.inboxStore = new InboxActivityStore(database, ids, clock);
        this.peers = new PeerService(database, new PeerStore(), clock, auditLog);

        // Protocol machinery.
        VocabCodec codec = new VocabCodec(uris.context());
        HttpSignatures signatures = new HttpSignatures(clock, config.signatureMaxAge(), config.signatureMaxFuture());
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        SignatureSchemeMemory schemes = new SignatureSchemeMemory();
        DoubleKnockSender sender = new DoubleKnockSender(httpClient, signatures, schemes, HTTP_TIMEOUT);
        InboundCapture inboundCapture = new InboundCapture();
        FederationEventListener events = new AuditEventListener(auditLog, inboundCapture, deliveries::body);
        PasswordHasher hasher = new PasswordHasher(random);

        // Accounts and keys.
        this.accounts = new AccountService(database, accountStore, keyStore, credentials, hasher, uris, ids, clock,
                auditLog);
        WebFingerClient webFinger = new WebFingerClient(httpClient, peers, config.baseUrl().getScheme());
        LocalSigningKeys signingKeys = new LocalSigningKeys(database, keyStore);
        this.fetcher = new AuditedFetcher(new SignedFetcher(sender, signingKeys, peers, FetchLimits.defaults()),
                auditLog, clock);
        RemoteAccountService remoteAccounts = new RemoteAccountService(database, accountStore, keyStore, fetcher,
                webFinger, codec, uris, ids, clock);
        PeerKeyResolver keys = new PeerKeyResolver(database, keyStore, remoteAccounts);

        // Social services.
        DeliveryPlanner planner = new DeliveryPlanner(peers, clock);
        Outbox outbox = new Outbox(deliveries, planner, codec, uris);
        FollowActivities followActivities = new FollowActivities(codec);
        NoteActivities noteActivities = new NoteActivities(codec);
        FollowService follows = new FollowService(database, followStore, accountStore, followActivities, outbox, uris,
                ids, clock);
        PostService posts = new PostService(database, statusStore, followStore, accountStore, noteActivities, outbox,
                new PlainTextFormatter(), uris, ids, clock);
        TimelineService timelines = new TimelineService(database, statusStore);
        AuthService auth = new AuthService(database, accountStore, credentials, tokens, hasher, random, clock);

        // Checkpoints: signed, published to Tributary peers, witnessed from them.
        CheckpointStore checkpointStore = new CheckpointStore();
        WitnessStore witnessStore = new WitnessStore(ids);
        CheckpointSigner signer = new CheckpointSigner(database, checkpointStore, auditLog,
                () -> {
                    accounts.ensureInstanceActor();
                    return signingKeys.signingKeyFor(uris.ed25519KeyId(LocalUris.INSTANCE_ACTOR_USERNAME))
                            .orElseThrow(() -> new IllegalStateException("the instance actor has no Ed25519 key"));
                },
                origin, clock);
        NodeInfoClient nodeInfo = new NodeInfoClient(httpClient, peers, config.baseUrl().getScheme());
        TributaryPeers tributaryPeers = new TributaryPeers(
                () -> peers.list().stream().map(Peer::authority).toList(),
                authority -> runsTributary(nodeInfo, authority), clock);
        CheckpointActivity checkpointActivity = new CheckpointActivity();
        CheckpointPublisher publisher = new CheckpointPublisher(database, deliveries, planner, checkpointActivity,
                tributaryPeers, uris);
        PeerCheckpointWitness witness = new PeerCheckpointWitness(database, witnessStore, keys, fetcher,
                new CheckpointWitness(auditSettings.maxSilence(), clock), auditLog, uris, clock);
        AuditProofs proofs = new AuditProofs(database, auditStore, checkpointStore, auditLog);
        this.auditExecutor = Executors.newSingleThreadScheduledExecutor(daemon("tributary-audit"));
        AuditRetention retention = new AuditRetention(database, auditStore, auditSettings, clock);
        this.auditScheduler = new AuditScheduler(signer, publisher,
                new PeerSilenceCheck(database, witnessStore, auditLog, auditSettings.maxSilence(), clock),
                retention, auditLog, auditSettings, auditExecutor);
        AuditRdf rdf = new AuditRdf(origin);
        this.auditConsole = new AuditConsole(new StorageVerifier(database, auditStore, checkpointStore),
                new AuditExporter(database, auditStore, checkpointStore, rdf, origin), proofs, signer,
                () -> instanceKey(LocalUris.INSTANCE_ACTOR_USERNAME), origin, retention);
        AuditReader auditReader = new AuditReader(database, auditStore, proofs, witnessStore,
                new AuditGraph(database, auditStore, auditLog, rdf, auditSettings.sparqlTimeout()));

        // Inbound.
        InboxPipeline pipeline = new InboxPipeline(new InboxLimits(config.maxBodyBytes()), peers, signatures, keys,
                inboxStore, events, clock);
        this.inboxProcessor = new InboxProcessor(inboxStore, InboundHandlers.dispatcher(
                new FollowHandler(database, accountStore, followStore, remoteAccounts, followActivities, outbox, codec,
                        uris, ids, clock),
                new AcceptFollowHandler(database, accountStore, followStore, codec),
                new UndoFollowHandler(database, accountStore, followStore, codec),
                new CreateNoteHandler(database, statusStore, followStore, remoteAccounts, new HtmlSanitizer(), codec,
                        uris, ids, clock),
                new AddCheckpointHandler(checkpointActivity, witness)));

        // Outbound.
        this.deliveryScheduler = Executors.newSingleThreadScheduledExecutor(daemon("tributary-delivery"));
        this.deliverySenders = Executors.newFixedThreadPool(8, daemon("tributary-sender"));
        JobDelivery jobDelivery = new JobDelivery(deliveries, signingKeys, peers, sender,
                BackoffSchedule.mastodonLike(random), PeerCircuitBreaker.mastodonLike(clock), events, clock);
        this.deliveryWorker = new DeliveryWorker(deliveries, jobDelivery, deliveryScheduler, deliverySenders, clock,
                DeliveryWorker.Settings.defaults());

        // HTTP.
        RequestParts requestParts = new RequestParts(uris);
        SignedGetVerifier signedGets = new SignedGetVerifier(signatures, keys, peers, requestParts,
                new ReceivedFetchLog(auditLog, signatures, clock));
        ClientModels models = new ClientModels(follows);
        CollectionDocuments collections = new CollectionDocuments();
        ResourceConfig application = new ResourceConfig()
                .register(new JsonbConfig())
                .register(new ExceptionMappers.ApiExceptionMapper())
                .register(new ExceptionMappers.WebApplicationExceptionMapper())
                .register(new ExceptionMappers.UnexpectedExceptionMapper())
                .register(new InboxResource(pipeline, inboxProcessor, accounts, requestParts, config.maxBodyBytes(),
                        inboundCapture))
                .register(new ActorResource(accounts, follows, new ActorDocuments(uris), collections, signedGets, codec,
                        uris))
                .register(new OutboxResource(accounts, posts, follows, noteActivities, collections, signedGets, codec,
                        uris))
                .register(new WellKnownResource(accounts, posts, new Contexts(), uris, config))
                .register(new OAuthResource(auth, clock))
                .register(new AccountsResource(auth, accounts, remoteAccounts, follows, models))
                .register(new StatusesResource(auth, accounts, posts, new StatusVisibility(follows, accounts), models))
                .register(new TimelinesResource(auth, accounts, timelines, models))
                .register(new InstanceResource(config, accounts))
                .register(new AuditResource(auth, auditReader))
                .register(new AuditPeerResource(proofs, signedGets, requestParts));
        this.server = new NodeServer(config.bindHost(), config.port(), application);
    }

    /** Builds a node over the given store, applying pending migrations. */
    public static NodeAssembly create(NodeConfig config, DataSource dataSource, Clock clock) {
        return create(config, dataSource, clock, AuditSettings.defaults());
    }

    /** Builds a node with its compliance log run as {@code auditSettings} say. */
    public static NodeAssembly create(NodeConfig config, DataSource dataSource, Clock clock,
            AuditSettings auditSettings) {
        return new NodeAssembly(config, dataSource, clock, auditSettings);
    }

    /** Starts the HTTP server and the workers. */
    public void start() {
        startWorkers();
        startHttp();
    }

    /** Starts serving HTTP only: activities are received and stored, but no handler or delivery runs. */
    public void startHttp() {
        accounts.ensureInstanceActor();
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
        auditScheduler.start();
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
        return auditConsole;
    }

    /** One round of checkpoint signing and publishing, as the schedule runs it. */
    public Optional<SignedCheckpoint> checkpointNow() {
        return auditScheduler.signAndPublish();
    }

    /** The store, for maintenance tools and tests that must inspect or damage it directly. */
    public Database database() {
        return database;
    }

    /** A signed GET by this node's instance actor, under the same peer and origin rules as every fetch. */
    public FetchResult fetch(URI url) {
        return fetcher.fetch(url, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        deliveryWorker.stop();
        deliveryScheduler.shutdownNow();
        deliverySenders.shutdownNow();
        inboxProcessor.close();
        auditExecutor.shutdownNow();
        auditLog.close();
        DerbyDataSources.shutdown(dataSource);
    }

    /** Checkpoint exchange itself: logged like everything, but not news that peers must be told about. */
    private static boolean isCheckpointGossip(AuditRecord record) {
        return record.kind().equals(AuditKinds.CHECKPOINT_WITNESSED)
                || CheckpointActivity.isGossip(record.activityId()) || CheckpointActivity.isGossip(record.object());
    }

    private static Boolean runsTributary(NodeInfoClient nodeInfo, String authority) {
        try {
            return "tributary".equals(nodeInfo.fetch(authority).software().name());
        } catch (DiscoveryException e) {
            return null;
        }
    }

    private PublicKey instanceKey(String username) {
        Account instance = accounts.ensureInstanceActor();
        return accounts.keysOf(instance).stream().filter(key -> key.algorithm() == KeyAlgorithm.ED25519)
                .findFirst().map(key -> KeyPems.publicKey(key.publicPem()))
                .orElseThrow(() -> new IllegalStateException("the instance actor " + username + " has no Ed25519 key"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
