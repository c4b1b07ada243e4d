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

    private final InboxActivityStore store;
    private final InboxDispatcher dispatcher;
    private final ActivityParser parser = new ActivityParser();
    private final InboxOutcomeRecorder recorder;
    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-inbox");
        thread.setDaemon(true);
        return thread;
    });

    public InboxProcessor(InboxActivityStore store, InboxDispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.recorder = new InboxOutcomeRecorder(store);
    }

    public void start() {
        executor.execute(this::loop);
    }

    /** Tells the processor there is new work. */
    public void wakeUp() {
        wake.release();
    }

    /**
     * Processes everything pending now and returns once the outcomes are stored; returns how many
     * activities were handled.
     */
    public int runOnce() {
        int handled = processPending();
        recorder.awaitRecorded();
        return handled;
    }

    /**
     * Runs the handlers of everything pending, oldest first, and hands each batch's outcomes to the
     * {@link InboxOutcomeRecorder}, which stores them together in one transaction while the next batch runs.
     * Activities whose outcome is not stored yet are still pending in the store and are skipped here.
     */
    private int processPending() {
        int handled = 0;
        List<InboxActivityStore.StoredActivity> batch;
        do {
            // Taken before the read: an outcome committed after it is skipped all the same, one committed before
            // it is no longer pending in what the read returns.
            Set<Long> skip = recorder.unrecorded();
            batch = store.pending(BATCH, skip);
            List<InboxActivityStore.Outcome> outcomes = new ArrayList<>(batch.size());
            try {
                for (InboxActivityStore.StoredActivity stored : batch) {
                    outcomes.add(process(stored));
                    handled++;
                }
            } finally {
                recorder.submit(outcomes); // even when a handler threw: what was applied stays applied once
            }
        } while (batch.size() == BATCH);
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

    private InboxActivityStore.Outcome process(InboxActivityStore.StoredActivity stored) {
        Optional<InboundActivity> parsed = stored.parsed().or(() -> parse(stored.body()));
        if (parsed.isEmpty()) {
            return InboxActivityStore.Outcome.failed(stored.id(), "stored body no longer parses");
        }
        InboundActivity activity = parsed.get();
        HandlerResult result = dispatcher.dispatch(activity);
        if (result instanceof HandlerResult.Ignored ignored) {
            return InboxActivityStore.Outcome.done(stored.id(), "ignored: " + ignored.reason());
        }
        if (result instanceof HandlerResult.Failed failed) {
            if (failed.retryable() && stored.attempts() + 1 < MAX_ATTEMPTS) {
                return InboxActivityStore.Outcome.retry(stored.id(), failed.error());
            }
            LOG.warning(() -> "handler failed for " + stored.activityId() + ": " + failed.error());
            return InboxActivityStore.Outcome.failed(stored.id(), failed.error());
        }
        return InboxActivityStore.Outcome.done(stored.id(), "applied");
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
        recorder.close();
    }
}
