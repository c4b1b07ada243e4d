package org.tributary.node.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tributary.federation.inbox.ActivityParser;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;
import org.tributary.federation.spi.InboundActivity;

/**
 * Runs handlers from the durable inbox: takes pending activities oldest first, dispatches each, and
 * records the result. A handler failure marked retryable is tried again, up to {@link #MAX_ATTEMPTS}.
 * The inbox resource wakes the processor after each stored activity, and it also polls, so nothing
 * stored before a crash is left behind.
 */
public final class InboxProcessor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboxProcessor.class.getName());
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 50;
    /**
     * A pass that handled at least this many activities, with more arriving while it ran, means they come in
     * a stream: the next pass then waits {@link #GATHER_MILLIS} first, so that it reads and records more at
     * once. Under a burst of activities (benchmark 1) the processor otherwise read the pending index and
     * committed outcomes for two or three activities at a time. An activity that arrives while the processor
     * waits (a colleague's post) is handled at once.
     */
    private static final int STREAM_PASS = 4;
    private static final long GATHER_MILLIS = 5;

    /** One queue the processor reads, and the recorder that stores its outcomes. */
    private record Source(InboxQueue queue, InboxOutcomeRecorder recorder) {
    }

    private final List<Source> sources;
    private final InboxDispatcher dispatcher;
    private final ActivityParser parser = new ActivityParser();
    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-inbox");
        thread.setDaemon(true);
        return thread;
    });

    /** @param queues where activities wait, read in this order on every pass (see {@link InboxQueue}) */
    public InboxProcessor(List<InboxQueue> queues, InboxDispatcher dispatcher) {
        this.sources = queues.stream().map(queue -> new Source(queue, new InboxOutcomeRecorder(queue))).toList();
        this.dispatcher = dispatcher;
    }

    public void start() {
        executor.execute(this::loop);
    }

    /** Tells the processor there is new work. */
    public void wakeUp() {
        wake.release();
    }

    /**
     * Processes everything pending now and returns once the commits of the outcomes have ended (stored, or
     * failed and waiting to be tried again); returns how many activities were handled.
     */
    public int runOnce() {
        int handled = processPending();
        sources.forEach(source -> source.recorder().awaitRecorded());
        return handled;
    }

    /** Runs the handlers of everything pending in each queue in turn. */
    private int processPending() {
        int handled = 0;
        for (Source source : sources) {
            handled += processPending(source);
        }
        return handled;
    }

    /**
     * Runs the handlers of everything pending in one queue, oldest first, and hands each batch's outcomes to its
     * {@link InboxOutcomeRecorder}, which stores them together in one transaction while the next batch runs.
     * Activities whose outcome is not stored yet are still pending in the store and are skipped here.
     */
    private int processPending(Source source) {
        int handled = 0;
        InboxQueue.Pending batch;
        do {
            // Taken before the read: an outcome committed after it is skipped all the same, one committed before
            // it is no longer pending in what the read returns.
            Set<Long> skip = source.recorder().unrecorded();
            batch = source.queue().pending(BATCH, skip);
            List<ActivityOutcome> outcomes = new ArrayList<>(batch.activities().size());
            try {
                for (StoredActivity stored : batch.activities()) {
                    outcomes.add(process(stored));
                    handled++;
                }
            } finally {
                // Even when the batch stopped half-way (the dispatcher turns a handler's exception into a retry,
                // so only an Error does that): what was applied stays applied once, and a queue's mark goes no
                // further than the last activity handled.
                boolean whole = outcomes.size() == batch.activities().size();
                source.recorder().submit(outcomes, whole ? batch.through()
                        : source.queue().stoppedAt(batch, outcomes.size()));
            }
        } while (batch.more());
        return handled;
    }

    private void loop() {
        while (!executor.isShutdown()) {
            try {
                int handled = processPending();
                if (handled >= STREAM_PASS && wake.tryAcquire()) { // more arrived while this pass ran
                    Thread.sleep(GATHER_MILLIS);
                } else {
                    wake.tryAcquire(500, TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "inbox processing failed; will retry", e);
                sleepQuietly();
            }
        }
    }

    private ActivityOutcome process(StoredActivity stored) {
        Optional<InboundActivity> parsed = stored.parsed().or(() -> parse(stored.body()));
        if (parsed.isEmpty()) {
            return ActivityOutcome.failed(stored, "stored body no longer parses");
        }
        InboundActivity activity = parsed.get();
        HandlerResult result = dispatcher.dispatch(activity);
        if (result instanceof HandlerResult.Ignored ignored) {
            LOG.fine(() -> "ignored " + stored.activityId() + ": " + ignored.reason());
            return ActivityOutcome.done(stored, "ignored: " + ignored.reason());
        }
        if (result instanceof HandlerResult.Failed failed) {
            if (failed.retryable() && stored.attempts() + 1 < MAX_ATTEMPTS) {
                return ActivityOutcome.retry(stored, failed.error());
            }
            LOG.warning(() -> "handler failed for " + stored.activityId() + ": " + failed.error());
            return ActivityOutcome.failed(stored, failed.error());
        }
        return ActivityOutcome.done(stored, "applied");
    }

    /** The activity in bytes read back from the store (one handed over in memory comes parsed). */
    private Optional<InboundActivity> parse(byte[] body) {
        return parser.parse(body) instanceof ActivityParser.Result.Parsed ok ? Optional.of(ok.activity())
                : Optional.empty();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sources.forEach(source -> source.recorder().close());
    }
}
