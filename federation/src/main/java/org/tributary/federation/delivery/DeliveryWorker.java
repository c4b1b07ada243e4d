package org.tributary.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.DeliveryQueue;

/**
 * Drains the durable queue with a bounded window of sends in flight: whenever a slot is free and jobs
 * may be due it claims more, up to {@code batchSize} at a time and never more than {@code maxInFlight}
 * unfinished, and delivers them on the {@code senders} executor. A slow peer therefore holds one slot, not
 * the whole worker (measured: waiting for each round's slowest send before claiming again put seconds
 * on the p99 of post-to-follower latency). Sends to the same inbox about the same object still go one at a
 * time, in claim order ({@link DeliveryOrder}). Claims happen on the {@code scheduler}'s thread only; the
 * caller {@link #wakeUp() wakes} the worker when it commits new jobs, and a poll every
 * {@code pollInterval} finds retries that came due. {@link #runOnce()} does one synchronous round, for
 * tests and for a node that wants to flush at shutdown.
 */
public final class DeliveryWorker {

    /** How much to claim at once, how many sends may be unfinished, and how often to look for due jobs. */
    public record Settings(int batchSize, Duration pollInterval, int maxInFlight) {
        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1");
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
        }

        /** A window of twice the batch size. */
        public Settings(int batchSize, Duration pollInterval) {
            this(batchSize, pollInterval, 2 * batchSize);
        }

        public static Settings defaults() {
            return new Settings(32, Duration.ofSeconds(1), 64);
        }
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());

    private final DeliveryQueue queue;
    private final JobDelivery delivery;
    private final ScheduledExecutorService scheduler;
    private final Executor senders;
    private final Clock clock;
    private final Settings settings;
    private final Semaphore window;
    /** A claim is queued on the scheduler; further wake-ups fold into it. */
    private final AtomicBoolean claimQueued = new AtomicBoolean();
    /** Counts wake-ups, so that a claim can tell whether anything may have come due since the last one. */
    private final AtomicLong wakeUps = new AtomicLong();
    /**
     * The wake-up count seen by the last claim that found fewer jobs than it asked for: while no wake-up
     * came since, claiming again would find nothing. Read and written on the scheduler's thread only.
     */
    private long answeredWakeUps = -1;
    /** The last send queued for each ordering key (inbox and object) that still has one unfinished. */
    private final Map<String, CompletableFuture<Void>> lastSendTo = new HashMap<>();
    private volatile boolean running;
    private ScheduledFuture<?> polling;

    public DeliveryWorker(DeliveryQueue queue, JobDelivery delivery, ScheduledExecutorService scheduler,
            Executor senders, Clock clock, Settings settings) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.window = new Semaphore(settings.maxInFlight());
    }

    /** Starts claiming (at once, then on wake-ups and every poll); calling it while running does nothing. */
    public synchronized void start() {
        if (polling == null) {
            running = true;
            long millis = settings.pollInterval().toMillis();
            polling = scheduler.scheduleWithFixedDelay(this::wakeUp, 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops claiming; sends in flight finish. The executors belong to the caller and stay open. */
    public synchronized void stop() {
        running = false;
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    public synchronized boolean isRunning() {
        return polling != null;
    }

    /**
     * Tells a running worker that jobs may be due (e.g. just committed); it claims them on its scheduler
     * as window slots allow. Does nothing while the worker is stopped, so jobs stay queued.
     */
    public void wakeUp() {
        wakeUps.incrementAndGet();
        queueClaim();
    }

    /** Sends unfinished right now (claimed and not yet recorded). */
    public int inFlight() {
        return settings.maxInFlight() - window.availablePermits();
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

    private void queueClaim() {
        if (running && claimQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::claimSafely);
            } catch (RejectedExecutionException shuttingDown) {
                claimQueued.set(false);
            }
        }
    }

    // Runs on the scheduler only, so two claims never race for the same window slots.
    private void claim() {
        claimQueued.set(false);
        while (running) {
            long seen = wakeUps.get();
            int wanted = Math.min(settings.batchSize(), window.availablePermits());
            if (seen == answeredWakeUps || wanted == 0) {
                return; // nothing new, or the window is full: a finishing send queues the next claim
            }
            List<DeliveryJob> due = queue.claimDue(clock.instant(), wanted);
            window.acquireUninterruptibly(due.size()); // never blocks: only this thread takes slots
            for (DeliveryJob job : due) {
                send(job);
            }
            if (due.size() < wanted) {
                answeredWakeUps = seen; // a wake-up since then makes the next round look again
            }
        }
    }

    // Sends to one inbox about one object go one after another, in claim order (DeliveryOrder): an Update
    // sent while the previous one is still in flight could overtake it and leave the peer with the older
    // state. Everything else runs in parallel within the window. Only the scheduler's thread (claims) and
    // completions touch the chains, under their lock.
    private void send(DeliveryJob job) {
        String order = DeliveryOrder.keyOf(job);
        CompletableFuture<Void> sent;
        synchronized (lastSendTo) {
            // A send the executor refused (shutting down) completes exceptionally: its job stays claimed
            // until the node releases stale claims, and the next send in its chain still runs.
            sent = lastSendTo.getOrDefault(order, DONE).exceptionally(failure -> null)
                    .thenRunAsync(() -> deliverSafely(job), senders);
            lastSendTo.put(order, sent);
        }
        sent.whenComplete((ignored, failure) -> {
            synchronized (lastSendTo) {
                lastSendTo.remove(order, sent);
            }
            window.release();
            queueClaim();
        });
    }

    private void deliverSafely(DeliveryJob job) {
        try {
            delivery.deliver(job);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "delivery of job " + job.id() + " to " + job.inbox() + " failed", failure);
        }
    }

    // A task that throws would leave claimQueued set or kill the poll, so nothing may escape from a claim.
    private void claimSafely() {
        try {
            claim();
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "claiming deliveries failed; the poll will retry", failure);
        }
    }
}
