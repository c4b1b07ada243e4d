package org.tributary.node;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.tributary.federation.delivery.BackoffSchedule;
import org.tributary.federation.delivery.DeliveryWorker;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.JobDelivery;
import org.tributary.federation.delivery.PeerCircuitBreaker;
import org.tributary.federation.spi.FederationEventListener;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.peer.PeerService;

/**
 * Outbound delivery, wired once for {@link NodeAssembly}: the worker polls for due jobs on its scheduler
 * and sends them on a pool of senders; the pump starts a round as soon as the Outbox commits new jobs.
 */
final class DeliveryWiring {
    private static final int SENDERS = 8;

    private final DeliveryStore deliveries;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService senders;
    private final DeliveryWorker worker;

    DeliveryWiring(DeliveryStore deliveries, LocalSigningKeys signingKeys, PeerService peers,
            DoubleKnockSender sender, SecureRandom random, FederationEventListener events, Clock clock) {
        this.deliveries = deliveries;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("tributary-delivery"));
        this.senders = Executors.newFixedThreadPool(SENDERS, daemon("tributary-sender"));
        JobDelivery jobDelivery = new JobDelivery(deliveries, signingKeys, peers, sender,
                BackoffSchedule.mastodonLike(random), PeerCircuitBreaker.mastodonLike(clock), events, clock);
        DeliveryWorker.Settings settings = DeliveryWorker.Settings.defaults();
        this.worker = new DeliveryWorker(deliveries, jobDelivery, scheduler, senders, clock, settings);
    }

    /** Called when the Outbox has committed jobs: starts a round now instead of at the next poll. */
    void wakeUp() {
        worker.wakeUp();
    }

    /** Starts the worker; deliveries a previous run left in flight are still queued, so they go out again. */
    void start() {
        worker.start();
    }

    void stop() {
        worker.stop();
        scheduler.shutdownNow();
        senders.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
