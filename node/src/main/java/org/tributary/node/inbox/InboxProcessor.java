package org.tributary.node.inbox;

import java.util.List;
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

    private final InboxActivityStore store;
    private final InboxDispatcher dispatcher;
    private final ActivityParser parser = new ActivityParser();
    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-inbox");
        thread.setDaemon(true);
        return thread;
    });

    public InboxProcessor(InboxActivityStore store, InboxDispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    public void start() {
        executor.execute(this::loop);
    }

    /** Tells the processor there is new work. */
    public void wakeUp() {
        wake.release();
    }

    /** Processes everything pending now; returns how many activities were handled. */
    public int runOnce() {
        int handled = 0;
        List<InboxActivityStore.StoredActivity> batch;
        do {
            batch = store.pending(BATCH);
            for (InboxActivityStore.StoredActivity stored : batch) {
                process(stored);
                handled++;
            }
        } while (batch.size() == BATCH);
        return handled;
    }

    private void loop() {
        while (!executor.isShutdown()) {
            try {
                runOnce();
                wake.tryAcquire(500, TimeUnit.MILLISECONDS);
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

    private void process(InboxActivityStore.StoredActivity stored) {
        ActivityParser.Result parsed = parser.parse(stored.body());
        if (!(parsed instanceof ActivityParser.Result.Parsed ok)) {
            store.markFailed(stored.id(), "stored body no longer parses");
            return;
        }
        InboundActivity activity = ok.activity();
        HandlerResult result = dispatcher.dispatch(activity);
        if (result instanceof HandlerResult.Applied) {
            store.markDone(stored.id(), "applied");
        } else if (result instanceof HandlerResult.Ignored ignored) {
            store.markDone(stored.id(), "ignored: " + ignored.reason());
        } else if (result instanceof HandlerResult.Failed failed) {
            if (failed.retryable() && stored.attempts() + 1 < MAX_ATTEMPTS) {
                store.markRetry(stored.id(), failed.error());
            } else {
                LOG.warning(() -> "handler failed for " + stored.activityId() + ": " + failed.error());
                store.markFailed(stored.id(), failed.error());
            }
        }
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
    }
}
