package org.tributary.node.audit;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tributary.federation.audit.SignedCheckpoint;

/**
 * The log's periodic work on one thread: sign a checkpoint when the log grew and publish it to the
 * Tributary peers when there is news for them (entries other than checkpoint exchange itself, so two
 * idle nodes do not keep each other busy forever), look for peers that stopped, prune raw bodies. The keys
 * searches go by are copied on a second thread ({@link AuditKeyIndexer}), so that a slow publication never holds
 * them back.
 */
public final class AuditScheduler {
    private static final Logger LOG = Logger.getLogger(AuditScheduler.class.getName());
    /** How often the keys catch up: under benchmark 1's load, a few hundred entries a time. */
    private static final long KEYS_EVERY_MILLIS = 100;

    private final CheckpointSigner signer;
    private final CheckpointPublisher publisher;
    private final PeerSilenceCheck silence;
    private final AuditRetention retention;
    private final AuditLog log;
    private final AuditSettings settings;
    private final ScheduledExecutorService executor;
    private final AuditKeyIndexer keys;
    private final ScheduledExecutorService keysExecutor;
    private long publishedSubstantiveSize = -1;

    public AuditScheduler(CheckpointSigner signer, CheckpointPublisher publisher, PeerSilenceCheck silence,
            AuditRetention retention, AuditLog log, AuditSettings settings, ScheduledExecutorService executor,
            AuditKeyIndexer keys, ScheduledExecutorService keysExecutor) {
        this.signer = signer;
        this.publisher = publisher;
        this.silence = silence;
        this.retention = retention;
        this.log = log;
        this.settings = settings;
        this.executor = executor;
        this.keys = keys;
        this.keysExecutor = keysExecutor;
    }

    public void start() {
        long sign = settings.signInterval().toMillis();
        executor.scheduleWithFixedDelay(guarded(this::signAndPublish), sign, sign, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(guarded(silence::run), 60_000, 60_000, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(guarded(retention::prune), 60_000, 3_600_000, TimeUnit.MILLISECONDS);
        keysExecutor.scheduleWithFixedDelay(guarded(keys::catchUp), 0, KEYS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One round: sign if the log grew, publish if peers have not heard of its news yet. */
    public synchronized Optional<SignedCheckpoint> signAndPublish() {
        long substantive = log.state().substantiveSize();
        Optional<SignedCheckpoint> signed = signer.signIfGrown();
        if (signed.isPresent() && substantive > publishedSubstantiveSize) {
            publisher.publish(signed.get());
            publishedSubstantiveSize = substantive;
        }
        return signed;
    }

    private static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule; the next round tries again.
                LOG.log(Level.WARNING, "audit task failed: " + e.getMessage(), e);
            }
        };
    }
}
