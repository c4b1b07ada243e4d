package org.tributary.node;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.tributary.federation.audit.CheckpointWitness;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.discovery.DiscoveryException;
import org.tributary.federation.discovery.NodeInfoClient;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.audit.AuditConsole;
import org.tributary.node.audit.AuditEntryKeys;
import org.tributary.node.audit.AuditExporter;
import org.tributary.node.audit.AuditGraph;
import org.tributary.node.audit.AuditKeyIndexer;
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
import org.tributary.node.audit.PeerCheckpointWitness;
import org.tributary.node.audit.PeerSilenceCheck;
import org.tributary.node.audit.StorageVerifier;
import org.tributary.node.audit.TributaryPeers;
import org.tributary.node.audit.WitnessStore;
import org.tributary.node.auth.AuthService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.inbound.AddCheckpointHandler;
import org.tributary.node.keys.KeyPems;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.keys.PeerKeyResolver;
import org.tributary.node.peer.Peer;
import org.tributary.node.peer.PeerService;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * The checkpoint side of the compliance log, wired once for {@link NodeAssembly}: signing, publishing to
 * Tributary peers, witnessing theirs, retention, the audit API and the maintenance console. The log itself
 * is built earlier by the assembly, because the services it records for need it before any of this exists.
 */
final class AuditWiring implements AutoCloseable {
    private final CheckpointActivity checkpointActivity = new CheckpointActivity();
    private final PeerCheckpointWitness witness;
    private final AuditProofs proofs;
    private final AuditReader reader;
    private final AuditScheduler scheduler;
    private final AuditConsole console;
    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService keysExecutor;

    AuditWiring(Database database, AuditLogStore auditStore, AuditLog auditLog, AuditSettings settings,
            LocalUris uris, IdGenerator ids, Clock clock, NodeInfoClient nodeInfo, PeerService peers,
            AccountService accounts, LocalSigningKeys signingKeys, PeerKeyResolver keys, AuditedFetcher fetcher,
            DeliveryStore deliveries, DeliveryPlanner planner) {
        URI origin = URI.create(uris.base().toString().replaceAll("/+$", ""));
        CheckpointStore checkpointStore = new CheckpointStore();
        WitnessStore witnessStore = new WitnessStore(ids);
        CheckpointSigner signer = new CheckpointSigner(database, checkpointStore, auditLog,
                () -> {
                    accounts.ensureInstanceActor();
                    return signingKeys.signingKeyFor(uris.ed25519KeyId(LocalUris.INSTANCE_ACTOR_USERNAME))
                            .orElseThrow(() -> new IllegalStateException("the instance actor has no Ed25519 key"));
                },
                origin, clock);
        TributaryPeers tributaryPeers = new TributaryPeers(
                () -> peers.list().stream().map(Peer::authority).toList(),
                authority -> runsTributary(nodeInfo, authority), clock);
        CheckpointPublisher publisher = new CheckpointPublisher(database, deliveries, planner, checkpointActivity,
                tributaryPeers, uris);
        this.witness = new PeerCheckpointWitness(database, witnessStore, keys, fetcher,
                new CheckpointWitness(settings.maxSilence(), clock), auditLog, uris, clock);
        this.proofs = new AuditProofs(database, auditStore, checkpointStore, auditLog);
        this.executor = Executors.newSingleThreadScheduledExecutor(daemon("tributary-audit"));
        this.keysExecutor = Executors.newSingleThreadScheduledExecutor(daemon("tributary-audit-keys"));
        AuditEntryKeys entryKeys = new AuditEntryKeys();
        AuditRetention retention = new AuditRetention(database, auditStore, entryKeys, settings, clock);
        this.scheduler = new AuditScheduler(signer, publisher,
                new PeerSilenceCheck(database, auditStore, witnessStore, auditLog, settings.maxSilence(), clock),
                retention, auditLog, settings, executor,
                new AuditKeyIndexer(database, entryKeys, () -> auditLog.state().size()), keysExecutor);
        AuditRdf rdf = new AuditRdf(origin);
        this.console = new AuditConsole(new StorageVerifier(database, auditStore, entryKeys, checkpointStore),
                new AuditExporter(database, auditStore, checkpointStore, rdf, origin), proofs, signer,
                () -> instanceKey(accounts), origin, retention);
        this.reader = new AuditReader(database, auditStore, proofs, witnessStore,
                new AuditGraph(database, auditStore, auditLog, rdf, settings.sparqlTimeout()));
    }

    /** Checkpoint exchange itself: logged like everything, but not news that peers must be told about. */
    static boolean isCheckpointGossip(AuditRecord record) {
        return record.kind().equals(AuditKinds.CHECKPOINT_WITNESSED)
                || CheckpointActivity.isGossip(record.activityId()) || CheckpointActivity.isGossip(record.object());
    }

    /** The inbox handler for peers' {@code Add} of a checkpoint. */
    AddCheckpointHandler addCheckpointHandler() {
        return new AddCheckpointHandler(checkpointActivity, witness);
    }

    /** The audit API for auditors and administrators. */
    AuditResource apiResource(AuthService auth) {
        return new AuditResource(auth, reader);
    }

    /** The signed consistency-proof endpoint that peers' witnesses fetch. */
    AuditPeerResource peerResource(SignedGetVerifier signedGets, RequestParts requestParts) {
        return new AuditPeerResource(proofs, signedGets, requestParts);
    }

    AuditConsole console() {
        return console;
    }

    void start() {
        scheduler.start();
    }

    Optional<SignedCheckpoint> signAndPublish() {
        return scheduler.signAndPublish();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        keysExecutor.shutdownNow();
        try {
            // The keys' copy is a transaction every 100 ms: let the one under way end before the store closes.
            keysExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Boolean runsTributary(NodeInfoClient nodeInfo, String authority) {
        try {
            return "tributary".equals(nodeInfo.fetch(authority).software().name());
        } catch (DiscoveryException e) {
            return null;
        }
    }

    private static PublicKey instanceKey(AccountService accounts) {
        Account instance = accounts.ensureInstanceActor();
        return accounts.keysOf(instance).stream().filter(key -> key.algorithm() == KeyAlgorithm.ED25519)
                .findFirst().map(key -> KeyPems.publicKey(key.publicPem()))
                .orElseThrow(() -> new IllegalStateException("the instance actor has no Ed25519 key"));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
