package org.tributary.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.DeliveryQueue;

/**
 * Drains the durable queue: every {@code pollInterval} it claims up to {@code batchSize} due jobs and
 * delivers them on the {@code senders} executor, waiting for the batch before it polls again (so a slow
 * peer slows the worker down instead of piling up claims). {@link #runOnce()} does one such round
 * synchronously, for tests and for a node that wants to flush at shutdown.
 */
public final class DeliveryWorker {

    /** How much to claim per round, and how often to look for due jobs. */
    public record Settings(int batchSize, Duration pollInterval) {
        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
        }

        public static Settings defaults() {
            return new Settings(32, Duration.ofSeconds(1));
        }
    }

    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());

    private final DeliveryQueue queue;
    private final JobDelivery delivery;
    private final ScheduledExecutorService scheduler;
    private final Executor senders;
    private final Clock clock;
    private final Settings settings;
    private ScheduledFuture<?> polling;

    public DeliveryWorker(DeliveryQueue queue, JobDelivery delivery, ScheduledExecutorService scheduler,
            Executor senders, Clock clock, Settings settings) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts polling; calling it while running does nothing. */
    public synchronized void start() {
        if (polling == null) {
            long millis = settings.pollInterval().toMillis();
            polling = scheduler.scheduleWithFixedDelay(this::runSafely, 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling; a round in progress finishes. The executors belong to the caller and stay open. */
    public synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    public synchronized boolean isRunning() {
        return polling != null;
    }

    /**
     * Claims the jobs due now and delivers them, returning how many were claimed. A job whose delivery
     * throws (e.g. the queue's database is down) stays claimed until the node releases stale claims.
     */
    public int runOnce() {
        List<DeliveryJob> due = queue.claimDue(clock.instant(), settings.batchSize());
        CompletableFuture<?>[] running = due.stream()
                .map(job -> CompletableFuture.runAsync(() -> deliverSafely(job), senders))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(running).join();
        return due.size();
    }

    private void deliverSafely(DeliveryJob job) {
        try {
            delivery.deliver(job);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "delivery of job " + job.id() + " to " + job.inbox() + " failed", failure);
        }
    }

    // A periodic task that throws is silently never run again, so nothing may escape from a round.
    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "delivery round failed", failure);
        }
    }
}
